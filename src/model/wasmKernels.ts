// The `?url` imports' types, also when a test's type check (tsconfig.node.json) reaches here.
/// <reference types="vite/client" />
import type { KernelConfig } from '@tensorflow/tfjs-core';
// The WebAssembly backend, loaded on demand (dynamic import) for `?backend=wasm` only, without
// its ~150 kernels: only those forwardModel's ops run are included.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm/dist/base';
import { fusedConv2DConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/FusedConv2D';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/MaxPool';
import { reshapeConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Reshape';
import { _fusedMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/_FusedMatMul';
// Emitted as our own hashed assets, so they load from the page's origin and sub-path.
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import { env } from '@tensorflow/tfjs-core';
import { wasmBinaryPaths } from './wasmBinaryPaths';

/** The kernels of the model's ops (conv, pool, reshape, dense) in WebAssembly. */
export const WASM_KERNELS: KernelConfig[] = [
  fusedConv2DConfig,
  maxPoolConfig,
  reshapeConfig,
  _fusedMatMulConfig,
];

/** Points tfjs at our binaries, single-threaded; call before `setBackend('wasm')`. */
export function locateWasmBinaries(): void {
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths(wasmBinaryPaths({ plain: plainUrl, simd: simdUrl }));
}
