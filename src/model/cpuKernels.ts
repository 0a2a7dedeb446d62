import type { KernelConfig } from '@tensorflow/tfjs-core';
// The fallback when WebGL cannot start; loaded on demand (dynamic import), so it costs nothing
// when WebGL works. Only the kernels forwardModel's ops run are included.
import '@tensorflow/tfjs-backend-cpu/dist/base';
import { fusedConv2DConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/FusedConv2D';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/MaxPool';
import { reshapeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Reshape';
import { _fusedMatMulConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/_FusedMatMul';

/** The kernels of the model's ops (conv, pool, reshape, dense) in plain JavaScript. */
export const CPU_KERNELS: KernelConfig[] = [
  fusedConv2DConfig,
  maxPoolConfig,
  reshapeConfig,
  _fusedMatMulConfig,
];
