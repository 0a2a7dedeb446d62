import type { TrainClient, TrainRun, TrainSettings } from '../../train/trainProtocol';
import { batchesDone, isActive } from './trainProgress';

// The Train panel's hold on a TrainClient: loaded when the panel opens (the training code is
// a separate chunk), freed when it closes, a fresh one for each run. Framework-free, in
// predictionLoop's shape; hooks/useTraining.ts is its React side.

export interface TrainingView {
  run: TrainRun;
  /** Milliseconds per batch over the batches seen since training last (re)started. */
  msPerBatch: number | null;
}

export interface TrainingSession {
  getView(): TrainingView;
  subscribe(listener: () => void): () => void;
  /** The panel opened: loads the training code and makes a client. */
  open(): void;
  /** The panel closed: frees the client's worker; the last run's figures stay. */
  close(): void;
  start(settings: TrainSettings): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export const IDLE_RUN: TrainRun = {
  state: 'idle',
  settings: null,
  backend: null,
  download: null,
  batchesPerEpoch: null,
  batches: [],
  epochs: [],
  report: null,
  model: null,
  error: null,
};

function failed(message: string, error: unknown): TrainRun {
  return { ...IDLE_RUN, state: 'error', error: { message, detail: String(error) } };
}

/**
 * Creating one has no side effects; `load` (the training code, then a new client) is called
 * on open and for each run after the first.
 */
export function createTrainingSession(
  load: () => Promise<TrainClient>,
  now: () => number = () => performance.now(),
): TrainingSession {
  let view: TrainingView = { run: IDLE_RUN, msPerBatch: null };
  const listeners = new Set<() => void>();
  let held: { client: TrainClient; unsubscribe: () => void } | null = null;
  let loading: Promise<TrainClient | null> | null = null;
  // Bumped on close: a load that lands after it is freed at once.
  let generation = 0;
  // The first batch seen since training last (re)started, for the pace.
  let pace: { time: number; batch: number } | null = null;
  // Start was asked for and the client is still loading: a second Start is not a second run.
  let starting = false;

  const set = (next: Partial<TrainingView>) => {
    view = { ...view, ...next };
    listeners.forEach((listener) => listener());
  };

  const show = (run: TrainRun) => {
    if (run === view.run) return;
    // A new client starts idle: the figures of the run before stay until the next starts.
    if (run.state === 'idle' && view.run.state !== 'idle') return;
    const last = run.batches.at(-1);
    const done = last && run.batchesPerEpoch ? batchesDone(last, run.batchesPerEpoch) : null;
    let msPerBatch = view.msPerBatch;
    if (run.state !== 'training' || done === null) pace = null;
    else if (!pace || done < pace.batch) pace = { time: now(), batch: done };
    else if (done > pace.batch) msPerBatch = (now() - pace.time) / (done - pace.batch);
    set({ run, msPerBatch });
  };

  const attach = (): Promise<TrainClient | null> => {
    if (held) return Promise.resolve(held.client);
    if (loading) return loading;
    const current = generation;
    loading = load().then(
      (client) => {
        if (current !== generation) {
          client.dispose();
          return null;
        }
        loading = null;
        held = { client, unsubscribe: client.subscribe(() => show(client.getRun())) };
        show(client.getRun());
        return client;
      },
      (error: unknown) => {
        if (current !== generation) return null;
        loading = null;
        starting = false;
        show(failed('The training code could not be loaded.', error));
        return null;
      },
    );
    return loading;
  };

  const detach = () => {
    generation++;
    loading = null;
    starting = false;
    pace = null;
    if (!held) return;
    held.unsubscribe();
    held.client.dispose();
    held = null;
  };

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: () => void attach(),
    close() {
      detach();
      // Freed mid-run: the run ends here, as Stop would end it.
      if (isActive(view.run.state)) set({ run: { ...view.run, state: 'stopped' } });
    },
    start(settings) {
      if (starting || isActive(view.run.state)) return;
      // Each run gets a fresh client: the last one's worker is freed.
      if (held && held.client.getRun().state !== 'idle') detach();
      starting = true;
      set({ run: { ...IDLE_RUN, settings }, msPerBatch: null });
      void attach().then((client) => {
        if (!client || !starting) return;
        starting = false;
        client.start(settings);
      });
    },
    pause: () => held?.client.pause(),
    resume: () => held?.client.resume(),
    stop() {
      if (held) return held.client.stop();
      if (!starting) return;
      // Stopped before the training code arrived: nothing ran.
      detach();
      set({ run: { ...view.run, state: 'stopped' } });
    },
  };
}
