import type { KernelConfig } from '@tensorflow/tfjs-core';
// The WebGL backend without its ~170 kernels: only those forwardModel's ops run are added.
import '@tensorflow/tfjs-backend-webgl/dist/base';
import { fusedConv2DConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/FusedConv2D';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/MaxPool';
import { reshapeConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/Reshape';
import { _fusedMatMulConfig } from '@tensorflow/tfjs-backend-webgl/dist/kernels/_FusedMatMul';

/** The kernels of the model's ops (conv, pool, reshape, dense) on WebGL. */
export const WEBGL_KERNELS: KernelConfig[] = [
  fusedConv2DConfig,
  maxPoolConfig,
  reshapeConfig,
  _fusedMatMulConfig,
];
