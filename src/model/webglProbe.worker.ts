/// <reference lib="webworker" />
// The WebGL probe off the page's thread (see probeWebglInWorker): on a first visit the first
// WebGL context waits for the browser's GPU process to start, 150-400 ms here, and the page
// renders meanwhile. Posts a WebglSupport, or null where workers have no OffscreenCanvas.
import { probeWebgl } from './probeWebgl';

self.postMessage(
  typeof OffscreenCanvas === 'function' ? probeWebgl(() => new OffscreenCanvas(1, 1)) : null,
);
