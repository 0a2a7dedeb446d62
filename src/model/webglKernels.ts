import { registerKernel, type KernelConfig } from '@tensorflow/tfjs-core';
// The WebGL backend without its ~170 kernels: only those forwardModel's ops run are added.
import '@tensorflow/tfjs-backend-webgl/dist/base';
import { fusedConv2DConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/FusedConv2D';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/MaxPool';
import { reshapeConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/Reshape';
import { _fusedMatMulConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/_FusedMatMul';

const KERNELS: KernelConfig[] = [
  fusedConv2DConfig,
  maxPoolConfig,
  reshapeConfig,
  _fusedMatMulConfig,
];
let registered = false;

/** Registers the kernels of the model's ops (conv, pool, reshape, dense) for WebGL, once. */
export function registerWebglKernels(): void {
  if (registered) return;
  KERNELS.forEach((kernel) => registerKernel(kernel));
  registered = true;
}
