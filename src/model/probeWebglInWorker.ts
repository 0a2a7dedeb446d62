import { probeWebgl } from './probeWebgl';
import type { WebglSupport } from './webglSupport';

/** A worker that has not answered by then is stuck (a GPU process that does not start). */
const PROBE_TIMEOUT_MS = 5000;

/**
 * What WebGL runs on, asked in a worker so the page's thread is not held while the GPU
 * process starts. Where a worker cannot ask (no Worker, no OffscreenCanvas, its script not
 * loaded) the page asks itself; a worker that never answers counts as no WebGL.
 */
export function probeWebglInWorker(): Promise<WebglSupport> {
  if (typeof Worker !== 'function') return Promise.resolve(probeWebgl());
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./webglProbe.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(probeWebgl());
      return;
    }
    const finish = (support: WebglSupport) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(support);
    };
    const timer = setTimeout(() => finish({ kind: 'none' }), PROBE_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<WebglSupport | null>) =>
      finish(event.data ?? probeWebgl());
    worker.onerror = (event) => {
      event.preventDefault();
      finish(probeWebgl());
    };
  });
}
