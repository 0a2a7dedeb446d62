import { describe, expect, it } from 'vitest';
import { WASM_BINARY_NAMES, wasmBinaryPaths } from './wasmBinaryPaths';

describe('wasmBinaryPaths', () => {
  const paths = wasmBinaryPaths({
    plain: './assets/tfjs-backend-wasm-a1.wasm',
    simd: './assets/tfjs-backend-wasm-simd-b2.wasm',
  });

  it('gives every binary name a path, as setWasmPaths requires', () => {
    expect(Object.keys(paths).sort()).toEqual([...WASM_BINARY_NAMES].sort());
    for (const name of WASM_BINARY_NAMES) expect(paths[name]).toMatch(/\.wasm$/);
  });

  it('maps SIMD and plain to their own files, and never to a threaded build', () => {
    expect(paths['tfjs-backend-wasm.wasm']).toBe('./assets/tfjs-backend-wasm-a1.wasm');
    expect(paths['tfjs-backend-wasm-simd.wasm']).toBe('./assets/tfjs-backend-wasm-simd-b2.wasm');
    expect(Object.values(paths).some((url) => url.includes('threaded'))).toBe(false);
  });
});
