import * as tf from '@tensorflow/tfjs-core';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl/dist/backend_webgl';
import { WEBGL_KERNELS } from './webglKernels';

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
    registerMissingKernels(WEBGL_KERNELS);
    if (await trySetBackend('webgl')) return { name: 'webgl' };
  }
  const { CPU_KERNELS } = await import('./cpuKernels');
  registerMissingKernels(CPU_KERNELS);
  if (!(await trySetBackend('cpu'))) throw new Error('no TensorFlow.js backend could start');
  return preferred === 'webgl'
    ? { name: 'cpu', fallbackReason: 'WebGL is not available here, so the model runs on the CPU.' }
    : { name: 'cpu' };
}

/** Registers the kernels not registered yet (a second start must not register twice). */
function registerMissingKernels(kernels: tf.KernelConfig[]): void {
  for (const kernel of kernels) {
    if (!tf.getKernel(kernel.kernelName, kernel.backendName)) tf.registerKernel(kernel);
  }
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Calls `onLost` once if the WebGL context behind the current backend is lost (GPU reset,
 * driver update, too many contexts). Returns a function that stops listening.
 */
export function watchContextLoss(onLost: () => void): () => void {
  const backend = tf.backend();
  if (!(backend instanceof MathBackendWebGL)) return () => {};
  const canvas = backend.gpgpu.gl.canvas;
  const listener = () => onLost();
  canvas.addEventListener('webglcontextlost', listener, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', listener);
}

/**
 * tfjs does not recover from a lost context: its WebGL backend keeps the dead context. Drop
 * that backend and register a fresh one, so the next start creates a new context (or falls
 * back to the cpu backend if WebGL is gone for good).
 */
export function resetWebglBackend(): void {
  if (tf.findBackend('webgl')) tf.removeBackend('webgl');
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
}
