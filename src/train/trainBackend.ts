// The training worker's backend: every kernel and gradient of each (training needs them all,
// unlike the page's model, which registers only its forward ops), bundled into the worker only.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../model/backendName';
import type { BackendRequest } from '../model/backendRequest';
import { defaultBackend } from '../model/defaultBackend';
import { probeWebgl } from '../model/probeWebgl';
import { locateWasmBinaries } from '../model/wasmKernels';
import { registerWasmConvGradients } from './wasmConvGradients';

/**
 * 'auto' is the page's own rule (defaultBackend): WebGL on a GPU, through OffscreenCanvas;
 * software WebGL (SwiftShader) is slower than wasm, so wasm; then cpu. A requested backend
 * that cannot start falls back along the same order.
 */
export async function startTrainBackend(request: BackendRequest = 'auto'): Promise<BackendName> {
  for (const name of backendOrder(request)) {
    if (await trySetBackend(name)) return name;
  }
  throw new Error('No TensorFlow.js backend could start in the training worker.');
}

function backendOrder(request: BackendRequest): BackendName[] {
  if (request !== 'auto')
    return [request, ...(['wasm', 'cpu'] as const).filter((n) => n !== request)];
  const webgl =
    typeof OffscreenCanvas === 'function' &&
    defaultBackend(probeWebgl(() => new OffscreenCanvas(1, 1))).name === 'webgl';
  return webgl ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'cpu'];
}

async function trySetBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') {
    locateWasmBinaries();
    registerWasmConvGradients();
  }
  try {
    return (await tf.setBackend(name)) && (await tf.ready(), true);
  } catch {
    return false;
  }
}

/**
 * Calls `onLost` once if the WebGL context of the current backend is lost (GPU reset, driver
 * update, too many contexts): tfjs does not recover from it, so the run must end.
 */
export function watchContextLoss(onLost: () => void): () => void {
  const backend = tf.backend();
  if (!(backend instanceof MathBackendWebGL)) return () => {};
  const canvas = backend.gpgpu.gl.canvas;
  canvas.addEventListener('webglcontextlost', onLost, { once: true });
  return () => canvas.removeEventListener('webglcontextlost', onLost);
}
