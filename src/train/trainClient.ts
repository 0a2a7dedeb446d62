// The page's handle on the training worker (issue 26), in predictionLoop's shape: a
// framework-free store of the current run that a hook subscribes to.
import type { BackendRequest } from '../model/backendRequest';
import { modelJsonUrl } from '../model/modelUrl';
import { MNIST_DIR } from './mnistManifest';
import { endedRun, IDLE_RUN, isActive, nextRun, startedRun, withBatches } from './nextRun';
import type {
  BatchPoint,
  FromWorker,
  ToWorker,
  TrainClient,
  TrainRun,
  TrainSettings,
} from './trainProtocol';

/** What the client needs of a Worker (tests give a fake). */
export interface TrainWorker {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface TrainClientOptions {
  /** The MNIST folder URL; default `mnist/` beside the page. */
  dataUrl?: string;
  /** The shipped model.json (for "before" on the person's drawings); default the page's. */
  shippedModelUrl?: string;
  /** Force a backend (benchmarks, tests); default 'auto'. */
  backend?: BackendRequest;
  createWorker?: () => TrainWorker;
  /** Batch points reach listeners at most this often: a chart needs no more. */
  batchIntervalMs?: number;
}

/** Ten updates a second while training; the last batch is never held back longer. */
const BATCH_INTERVAL_MS = 100;

function createModuleWorker(): TrainWorker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), {
    type: 'module',
    name: 'train',
  }) as TrainWorker;
}

/**
 * The worker is made at the first start and kept after a run is done (it keeps MNIST for the
 * next run); stop(), an error and dispose() terminate it, freeing its memory and GPU context.
 */
export function createTrainClient(options: TrainClientOptions = {}): TrainClient {
  const spawn = options.createWorker ?? createModuleWorker;
  const interval = options.batchIntervalMs ?? BATCH_INTERVAL_MS;
  let run = IDLE_RUN;
  let worker: TrainWorker | null = null;
  let disposed = false;
  const listeners = new Set<() => void>();
  let pending: BatchPoint[] = [];
  let batchesPerEpoch = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const set = (next: TrainRun) => {
    if (next === run) return;
    run = next;
    for (const listener of [...listeners]) listener();
  };
  const emitBatches = () => {
    const points = pending;
    pending = [];
    set(withBatches(run, points, batchesPerEpoch));
  };
  // Leading and trailing edges: the first point at once, later ones once per interval.
  const tick = () => {
    timer = null;
    if (!pending.length) return;
    emitBatches();
    timer = setTimeout(tick, interval);
  };
  const closeWorker = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    emitBatches();
    worker?.terminate();
    worker = null;
  };

  const onMessage = (from: TrainWorker, message: FromWorker) => {
    if (from !== worker) return;
    if (message.type === 'batch') {
      pending.push(message.point);
      batchesPerEpoch = message.batchesPerEpoch;
      if (timer === null) tick();
      return;
    }
    emitBatches();
    set(nextRun(run, message));
    if (message.type === 'error') closeWorker();
  };

  const openWorker = (): TrainWorker => {
    const created = spawn();
    created.onmessage = (event) => onMessage(created, event.data);
    created.onerror = (event) => {
      event.preventDefault();
      if (created !== worker) return;
      closeWorker();
      set(
        endedRun(run, 'error', {
          message: 'The training worker stopped unexpectedly.',
          detail: event.message || 'Its script could not be loaded or threw an error.',
        }),
      );
    };
    return created;
  };

  return {
    start(settings: TrainSettings, { keepData = false } = {}) {
      if (disposed || isActive(run.state)) return;
      worker ??= openWorker();
      pending = [];
      set(startedRun(settings));
      worker.postMessage({
        type: 'start',
        settings,
        dataUrl: options.dataUrl ?? defaultDataUrl(),
        backend: options.backend ?? 'auto',
        shippedModelUrl: options.shippedModelUrl ?? defaultShippedModelUrl(),
        keepData,
      });
    },
    pause() {
      if (run.state === 'training' || run.state === 'downloading') {
        worker?.postMessage({ type: 'pause' });
      }
    },
    resume() {
      if (run.state === 'paused') worker?.postMessage({ type: 'resume' });
    },
    stop() {
      closeWorker();
      set(endedRun(run, 'stopped'));
    },
    getRun: () => run,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      closeWorker();
      set(endedRun(run, 'stopped'));
      listeners.clear();
    },
  };
}

const pageBase = () => new URL(import.meta.env.BASE_URL, document.baseURI);

function defaultDataUrl(): string {
  return new URL(`${MNIST_DIR}/`, pageBase()).href;
}

function defaultShippedModelUrl(): string {
  return modelJsonUrl(import.meta.env.BASE_URL, document.baseURI);
}
