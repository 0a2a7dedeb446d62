/// <reference lib="webworker" />
// The training worker (issue 26): downloads MNIST, trains, answers with numbers and the model's
// files; every tensor lives and dies here. One run at a time; the data is kept for the next.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadMnist, type MnistData } from './mnistData';
import { floatPixels, predictDigits } from './testReport';
import { startTrainBackend, watchContextLoss } from './trainBackend';
import type { FromWorker, ToWorker } from './trainProtocol';
import { startTrainRun, type TrainEvents, type TrainRunHandle } from './trainRun';

type StartMessage = Extract<ToWorker, { type: 'start' }>;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

let data: { url: string; mnist: Promise<MnistData> } | null = null;
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
    const mnist = await mnistOnce(message.dataUrl, signal);
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
    post(signal.aborted && !lost ? { type: 'state', state: 'stopped' } : errorMessage(error, lost));
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

/** MNIST downloaded once per worker; a failed or stopped download is tried again next time. */
function mnistOnce(url: string, signal: AbortSignal): Promise<MnistData> {
  if (data?.url !== url) {
    const mnist = loadMnist(url, (loaded, total) => post({ type: 'download', loaded, total }), {
      signal,
    });
    data = { url, mnist };
    mnist.catch(() => (data = null));
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

function errorMessage(error: unknown, lost: boolean): FromWorker {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    type: 'error',
    message: lost ? `${message} Training stopped; the page still works.` : message,
    detail,
  };
}
