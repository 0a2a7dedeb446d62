import * as tf from '@tensorflow/tfjs-core';

// The page registers only the four kernels its own model runs (cpuKernels.ts, wasmKernels.ts,
// webglKernels.ts), so a person's model (Relu, Softmax, Add ...) needs the backend's full set.
// Each set is its own lazy chunk, downloaded the first time a person's model runs on it.
const FULL_SETS: Record<string, () => Promise<unknown>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl/dist/register_all_kernels'),
  wasm: () => import('@tensorflow/tfjs-backend-wasm/dist/register_all_kernels'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu/dist/register_all_kernels'),
};

/** Every full set has a Softmax kernel, and the page's own four kernels do not include it. */
const hasFullSet = (backend: string) => tf.getKernel('Softmax', backend) != null;

/** Registers all of `backend`'s kernels (the current backend by default), once. */
export async function ensureAllKernels(backend: string = tf.getBackend()): Promise<void> {
  const load = FULL_SETS[backend];
  if (!load || hasFullSet(backend)) return;
  // The set registers again the page's four kernels (the same configs), and tfjs warns once
  // for each; its warnings are off while the set registers.
  const prod = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  try {
    await load();
  } finally {
    tf.env().set('PROD', prod);
  }
  // tfjs runs a kernel's setup (wasm: binding its function) when the backend starts: kernels
  // registered after that need it run now. Running it again for the page's four is harmless.
  const instance = tf.findBackend(backend);
  if (instance) {
    for (const kernel of tf.getKernelsForBackend(backend)) kernel.setupFunc?.(instance);
  }
}
