import * as tf from '@tensorflow/tfjs-core';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl/dist/backend_webgl';
import type { BackendName } from './backendName';
import type { BackendRequest } from './backendRequest';
import { defaultBackend, type DefaultBackend } from './defaultBackend';
import { whenNoPointerPressed } from '../drawing/pointerRest';
import { probeWebglInWorker } from './probeWebglInWorker';
import type { WebglSupport } from './webglSupport';
import { WEBGL_KERNELS } from './webglKernels';

export interface BackendChoice {
  name: BackendName;
  /** Why the requested (or, by default, fastest) backend was not used, in words for the page. */
  fallbackReason?: string;
  /**
   * The default page only, when WebAssembly was ready before the WebGL probe answered: that
   * answer, still to come (see settleDefaultBackend). The page answers meanwhile.
   */
  pendingProbe?: Promise<WebglSupport>;
}

const FALLBACK_REASONS: Record<Exclude<BackendName, 'cpu'>, string> = {
  webgl: 'WebGL is not available here, so the model runs on the CPU.',
  wasm: 'WebAssembly could not start here, so the model runs on the CPU.',
};

/**
 * Starts the requested backend, or for 'auto' the fastest for this device (WebGL on a GPU,
 * else wasm, see defaultBackend), and falls back to the plain JavaScript cpu backend when it
 * cannot start. The cpu and wasm backends are imported only when used.
 */
export async function startBackend(request: BackendRequest = 'auto'): Promise<BackendChoice> {
  if (request === 'auto') return startDefaultBackend();
  if (request === 'webgl') {
    if (await startWebgl()) return { name: 'webgl' };
  } else if (request === 'wasm') {
    if (await startWasm()) return { name: 'wasm' };
  }
  await startCpu();
  return request === 'cpu'
    ? { name: 'cpu' }
    : { name: 'cpu', fallbackReason: FALLBACK_REASONS[request] };
}

let webglSupport: Promise<WebglSupport> | undefined;

/**
 * The default page does not wait for the WebGL probe: on a first visit the probe waits for the
 * browser's GPU process to start (150 ms to over a second here), longer than WebAssembly takes
 * to start. So both start at once; whichever answers first decides. WebAssembly first: the
 * page answers on it, and the probe's answer comes with the choice (`pendingProbe`).
 */
async function startDefaultBackend(): Promise<BackendChoice> {
  // Probed once per page: a retry or a rebuilt backend asks again of the same device.
  if (!webglSupport) {
    const start = performance.now();
    webglSupport = probeWebglInWorker().finally(() =>
      performance.measure('webgl-probe', { start, end: performance.now() }),
    );
  }
  const wasm = startWasm();
  const first = await Promise.race([webglSupport, wasm.then(() => null)]);
  const support = first ?? ((await wasm) ? null : await webglSupport);
  if (support === null) return { name: 'wasm', pendingProbe: webglSupport };
  let choice = defaultBackend(support);
  if (choice.name === 'webgl') {
    // tfjs must not switch backend while wasm is still starting: it would end on wasm.
    await wasm;
    if (await startWebgl()) return { name: 'webgl' };
    choice = defaultBackend({ kind: 'none' });
  }
  if (await wasm) return { name: 'wasm', fallbackReason: wasmReason(choice) };
  await startCpu();
  return {
    name: 'cpu',
    fallbackReason: `${choice.whyNotWebgl} and WebAssembly could not start, so the model runs on the CPU.`,
  };
}

const wasmReason = (choice: DefaultBackend) =>
  `${choice.whyNotWebgl}, so the model runs on WebAssembly.`;

/**
 * The default page's final backend, once the probe has answered while the page ran on wasm:
 * wasm with the reason, or, on a GPU, WebGL, switched to while no pointer is pressed (the
 * caller then builds and warms the model on it before its next prediction).
 */
export async function settleDefaultBackend(support: WebglSupport): Promise<BackendChoice> {
  let choice = defaultBackend(support);
  if (choice.name === 'webgl') {
    await whenNoPointerPressed();
    if (await startWebgl()) return { name: 'webgl' };
    await trySetBackend('wasm');
    choice = defaultBackend({ kind: 'none' });
  }
  return { name: 'wasm', fallbackReason: wasmReason(choice) };
}

async function startWebgl(): Promise<boolean> {
  registerMissingKernels(WEBGL_KERNELS);
  return trySetBackend('webgl');
}

async function startCpu(): Promise<void> {
  const { CPU_KERNELS } = await import('./cpuKernels');
  registerMissingKernels(CPU_KERNELS);
  if (!(await trySetBackend('cpu'))) throw new Error('no TensorFlow.js backend could start');
}

let wasmStarted: Promise<boolean> | undefined;

/**
 * Starts the wasm backend, once per page. Its start is asynchronous: two overlapping starts
 * (an effect run twice) would each instantiate it, and the loser's cpu fallback could switch
 * the backend under the winner.
 */
async function startWasm(): Promise<boolean> {
  wasmStarted ??= loadWasm();
  if (!(await wasmStarted)) return false;
  // A later start (a retry) finds it initialised: making it current again is immediate.
  return tf.getBackend() === 'wasm' || trySetBackend('wasm');
}

/** The wasm backend's code and binary are fetched here, only when it is asked for. */
async function loadWasm(): Promise<boolean> {
  try {
    const { WASM_KERNELS, locateWasmBinaries } = await import('./wasmKernels');
    locateWasmBinaries();
    registerMissingKernels(WASM_KERNELS);
  } catch {
    return false; // its chunk did not load: offline (it is not precached), or a replaced deployment
  }
  return trySetBackend('wasm');
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
