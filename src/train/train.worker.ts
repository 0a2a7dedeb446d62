/// <reference lib="webworker" />
// The training worker (issue 26): downloads MNIST, trains, answers with numbers and the model's
// files; every tensor lives and dies here. One run at a time; the data is kept for the next.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadMnist, NetworkError, type MnistData } from './mnistData';
import { MNIST_CACHE, openMnistStore } from './mnistStore';
import { floatPixels, predictDigits } from './testReport';
import { startTrainBackend, watchContextLoss } from './trainBackend';
import type { FromWorker, ToWorker } from './trainProtocol';
import { startTrainRun, type TrainEvents, type TrainRunHandle } from './trainRun';

type StartMessage = Extract<ToWorker, { type: 'start' }>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

/** MNIST for the next run; `kept`: loaded through the device's cache, so it is kept there. */
let data: { url: string; kept: boolean; mnist: Promise<MnistData> } | null = null;
let run: TrainRunHandle | null = null;
let busy = false;
let paused = false;
/** Set by 'stop' for the run in progress, whatever it is doing (downloading too). */
let stopping: AbortController | null = null;

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      if (!busy) void train(message);
      break;
    case 'pause':
      if (busy && !paused) {
        paused = true;
        run?.pause();
        if (run) post({ type: 'state', state: 'paused' });
      }
      break;
    case 'resume':
      if (busy && paused) {
        paused = false;
        run?.resume();
        if (run) post({ type: 'state', state: 'training' });
      }
      break;
    case 'stop':
      stopping?.abort();
      run?.stop();
      break;
  }
};

async function train(message: StartMessage): Promise<void> {
  busy = true;
  paused = false;
  stopping = new AbortController();
  const { signal } = stopping;
  let lost = false;
  let unwatch = () => {};
  try {
    post({ type: 'state', state: 'downloading' });
    const backend = startTrainBackend(message.backend).then((name) => {
      post({ type: 'backend', name });
      return name;
    });
    const mnist = await mnistOnce(message.dataUrl, message.keepData ?? false, signal);
    const backendName = await backend;
    if (signal.aborted) return post({ type: 'state', state: 'stopped' });
    unwatch = watchContextLoss(() => {
      lost = true;
      run?.stop();
    });
    const tensorsBefore = tf.memory().numTensors;
    run = startTrainRun(mnist, message.settings, events, {
      backend: backendName,
      shippedDigits: message.shippedModelUrl ? shippedDigits(message.shippedModelUrl) : undefined,
    });
    if (paused) run.pause();
    post({ type: 'state', state: paused ? 'paused' : 'training' });
    const result = await run.result;
    if (lost) throw new Error('The WebGL context was lost (the GPU was reset or is busy).');
    if (!result) return post({ type: 'state', state: 'stopped' });
    const tensorsLeft = tf.memory().numTensors - tensorsBefore;
    post({ type: 'done', ...result, tensorsLeft }, [result.model.weightData]);
  } catch (error) {
    post(
      signal.aborted && !lost
        ? { type: 'state', state: 'stopped' }
        : errorMessage(error, lost, message.keepData ?? false),
    );
  } finally {
    unwatch();
    run = null;
    busy = false;
  }
}

const events: TrainEvents = {
  batch: (point, batchesPerEpoch) => post({ type: 'batch', point, batchesPerEpoch }),
  epoch: (point) => post({ type: 'epoch', point }),
};

/**
 * MNIST loaded once per worker; a failed or stopped download is tried again next time. Asked
 * to keep it, data loaded without keeping it (or whose kept copy the panel has since removed)
 * is loaded again through the cache, so it is kept.
 */
async function mnistOnce(url: string, keep: boolean, signal: AbortSignal): Promise<MnistData> {
  // Cache Storage is missing outside secure contexts: nothing can be kept there.
  const caches: CacheStorage | undefined = keep ? globalThis.caches : undefined;
  const stillKept = async () => (caches ? caches.has(MNIST_CACHE).catch(() => false) : false);
  const reusable = data?.url === url && (!caches || (data.kept && (await stillKept())));
  if (!reusable || !data) {
    const store = caches ? await openMnistStore(caches).catch(() => null) : null;
    const mnist = loadMnist(url, (loaded, total) => post({ type: 'download', loaded, total }), {
      signal,
      store,
    });
    const loading = { url, kept: store !== null, mnist };
    data = loading;
    mnist.catch(() => {
      if (data === loading) data = null;
    });
  }
  return data.mnist;
}

/** "Before": the shipped model's digits for the held-out drawings, or null if it cannot load. */
function shippedDigits(url: string) {
  return async (inputs: Float32Array[]): Promise<number[] | null> => {
    let model: tfl.LayersModel | null = null;
    try {
      model = await tfl.loadLayersModel(url);
      return Array.from(await predictDigits(model, inputs.length, floatPixels(inputs)));
    } catch {
      return null;
    } finally {
      model?.dispose();
    }
  };
}

function errorMessage(error: unknown, lost: boolean, keep: boolean): FromWorker {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  let message = error instanceof Error ? error.message : String(error);
  if (lost) message += ' Training stopped; the page still works.';
  else if (error instanceof NetworkError) message = offlineMessage(keep);
  return { type: 'error', message, detail };
}

/** The network failed: most likely offline, and MNIST not kept for offline use. */
function offlineMessage(keep: boolean): string {
  const advice = keep
    ? 'It is not kept on this device yet: one run with the network keeps it.'
    : 'To train offline, tick "Keep MNIST for offline use" and run once with the network.';
  return `MNIST could not be downloaded: the network could not be reached (are you offline?). ${advice}`;
}
