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
   * Set when the page answers on this backend while a better one may still come: WebGL
   * compiling its programs (`?backend=webgl`), or the default page's WebGL probe still asking.
   * Resolves to the final backend, switched to while no pointer is pressed (the caller then
   * builds and warms the model on it before its next prediction), or to this one with the
   * reason it stays. Called once, by whoever keeps the model.
   */
  upgrade?: () => Promise<BackendChoice>;
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
  if (request === 'webgl') return startCpuUntilWebgl();
  if (request === 'wasm') {
    if (await startWasm()) return { name: 'wasm' };
  }
  await startCpu();
  return request === 'cpu'
    ? { name: 'cpu' }
    : { name: 'cpu', fallbackReason: FALLBACK_REASONS[request] };
}

/**
 * `?backend=webgl`: WebGL's first answer waits for the GPU process and for its shader programs
 * to compile (about a second in software here). The page answers on the cpu backend meanwhile,
 * which needs neither, then moves to WebGL between strokes; without WebGL it stays on the cpu
 * backend, as before, and says why.
 */
async function startCpuUntilWebgl(): Promise<BackendChoice> {
  await startCpu();
  return {
    name: 'cpu',
    fallbackReason: 'WebGL is starting; the model runs on the CPU until it is ready.',
    upgrade: async () => {
      await whenNoPointerPressed();
      if (await startWebgl()) return { name: 'webgl' };
      return fallBackFromWebgl('cpu');
    },
  };
}

/**
 * Back to the backend that answered before WebGL (it started, or failed to, or cannot run the
 * model), with the reason in words.
 */
export async function fallBackFromWebgl(interim: BackendName): Promise<BackendChoice> {
  await trySetBackend(interim);
  return interim === 'wasm'
    ? { name: 'wasm', fallbackReason: wasmReason(defaultBackend({ kind: 'none' })) }
    : { name: 'cpu', fallbackReason: FALLBACK_REASONS.webgl };
}

let webglSupport: Promise<WebglSupport> | undefined;

/**
 * The default page does not wait for the WebGL probe: on a first visit the probe waits for the
 * browser's GPU process to start (150 ms to over a second here), longer than WebAssembly takes
 * to start. So both start at once; whichever answers first decides. The probe first: its
 * choice (wasm, still loading beside it, is then unused on a GPU). WebAssembly first: the page
 * answers on it, and the probe's answer comes with the choice (`upgrade`).
 */
async function startDefaultBackend(): Promise<BackendChoice> {
  // Probed once per page: a retry or a rebuilt backend asks again of the same device.
  if (!webglSupport) {
    const start = performance.now();
    webglSupport = probeWebglInWorker().finally(() =>
      performance.measure('webgl-probe', { start, end: performance.now() }),
    );
  }
  const wasm = prepareWasm();
  const first = await Promise.race([webglSupport, wasm.then(() => null)]);
  const support = first ?? ((await wasm) ? null : await webglSupport);
  if (support === null && (await startWasm())) {
    const probe = webglSupport;
    return { name: 'wasm', upgrade: async () => settleDefaultBackend(await probe) };
  }
  let choice = defaultBackend(support ?? (await webglSupport));
  if (choice.name === 'webgl') {
    if (await startWebgl()) return { name: 'webgl' };
    choice = defaultBackend({ kind: 'none' });
  }
  if (await startWasm()) return { name: 'wasm', fallbackReason: wasmReason(choice) };
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
 * wasm with the reason, or, on a GPU, WebGL, switched to while no pointer is pressed.
 */
async function settleDefaultBackend(support: WebglSupport): Promise<BackendChoice> {
  const choice = defaultBackend(support);
  if (choice.name !== 'webgl') return { name: 'wasm', fallbackReason: wasmReason(choice) };
  await whenNoPointerPressed();
  if (await startWebgl()) return { name: 'webgl' };
  return fallBackFromWebgl('wasm');
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

let wasmPrepared: Promise<boolean> | undefined;

/** Fetches and initialises the wasm backend, once per page, without making it current. */
function prepareWasm(): Promise<boolean> {
  wasmPrepared ??= loadWasm();
  return wasmPrepared;
}

/** Makes the wasm backend current, preparing it first if need be. */
async function startWasm(): Promise<boolean> {
  if (!(await prepareWasm())) return false;
  // A later start (a retry) finds it initialised: making it current again is immediate.
  return tf.getBackend() === 'wasm' || trySetBackend('wasm');
}

/** As tfjs-backend-wasm registers itself. */
const WASM_PRIORITY = 2;

/**
 * The wasm backend's code and binary are fetched here, only when it may run. It is initialised
 * outside tfjs's engine: `setBackend` would make it current as well, and tfjs must not switch
 * backend while one is initialising (the late one wins), while the default page starts wasm
 * beside the WebGL probe and may still end on WebGL. The ready backend is then registered.
 */
async function loadWasm(): Promise<boolean> {
  try {
    const { WASM_KERNELS, locateWasmBinaries } = await import('./wasmKernels');
    locateWasmBinaries();
    registerMissingKernels(WASM_KERNELS);
    const factory = tf.findBackendFactory('wasm');
    if (!factory) return false;
    const backend = await factory();
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', () => backend, WASM_PRIORITY);
    return true;
  } catch {
    // Its chunk or binary did not load (offline: the chunk is precached, the plain binary is
    // not; a replaced deployment), or WebAssembly is refused (CSP without wasm-unsafe-eval).
    return false;
  }
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
