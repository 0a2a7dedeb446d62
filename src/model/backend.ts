import * as tf from '@tensorflow/tfjs-core';
import { registerWebglKernels } from './webglKernels';

export type BackendName = 'webgl' | 'cpu';

export interface BackendChoice {
  name: BackendName;
  /** Why the preferred backend was not used, in words for the page; absent when it was. */
  fallbackReason?: string;
}

/**
 * Starts WebGL (the GPU) and falls back to the plain JavaScript cpu backend when WebGL cannot
 * start. The cpu backend is imported only then, so it costs nothing when WebGL works.
 */
export async function startBackend(preferred: BackendName = 'webgl'): Promise<BackendChoice> {
  if (preferred === 'webgl') {
    registerWebglKernels();
    if (await trySetBackend('webgl')) return { name: 'webgl' };
  }
  const { registerCpuKernels } = await import('./cpuKernels');
  registerCpuKernels();
  if (!(await trySetBackend('cpu'))) throw new Error('no TensorFlow.js backend could start');
  return preferred === 'webgl'
    ? { name: 'cpu', fallbackReason: 'WebGL is not available here, so the model runs on the CPU.' }
    : { name: 'cpu' };
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}
