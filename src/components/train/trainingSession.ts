import { IDLE_RUN, isActive } from '../../train/nextRun';
import type { TrainClient, TrainRun, TrainSettings } from '../../train/trainProtocol';
import { batchesDone } from './trainProgress';

// The Train panel's hold on a TrainClient: loaded when the panel opens (the training code is
// a separate chunk), freed when it closes. Framework-free, in predictionLoop's shape;
// hooks/useTraining.ts is its React side.

export interface TrainingView {
  run: TrainRun;
  /** Milliseconds per batch over the batches seen since training last (re)started. */
  msPerBatch: number | null;
  /** Bytes of MNIST a run downloads, once the manifest is read. */
  dataBytes: number | null;
  /** MNIST kept on the device for offline use; null where it cannot be (no Cache Storage). */
  kept: KeptView | null;
}

export interface KeptView {
  /** The person asked to keep it (remembered across visits): runs read and fill the cache. */
  wanted: boolean;
  /** Bytes kept now; null until read, or if they could not be. */
  bytes: number | null;
}

/** The device's copy of MNIST and the person's choice to keep one (keptMnist.ts). */
export interface KeptMnist {
  wanted(): boolean;
  setWanted(on: boolean): void;
  bytes(): Promise<number>;
  drop(): Promise<void>;
}

export interface TrainingSession {
  getView(): TrainingView;
  subscribe(listener: () => void): () => void;
  /** The panel opened: loads the training code, makes a client, reads the download size. */
  open(): void;
  /** The panel closed: frees the client's worker; the last run's figures stay. */
  close(): void;
  start(settings: TrainSettings): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Keep MNIST for offline use from the next run on (or not); remembered. */
  setKeep(on: boolean): void;
  /** Removes the kept copy (not during a run, which may be filling it). */
  dropKept(): void;
}

export interface TrainingLoaders {
  /** The training code, then a new client. */
  client: () => Promise<TrainClient>;
  /** MNIST's download size (its manifest). */
  dataBytes: () => Promise<number>;
  /** Null or missing where nothing can be kept. */
  kept?: KeptMnist | null;
}

function failed(message: string, error: unknown): TrainRun {
  return { ...IDLE_RUN, state: 'error', error: { message, detail: String(error) } };
}

/**
 * Creating one has no side effects. One client serves every run while the panel is open
 * (trainClient keeps its worker, and MNIST, after a run is done); a panel opened again gets
 * a new one.
 */
export function createTrainingSession(
  load: TrainingLoaders,
  now: () => number = () => performance.now(),
): TrainingSession {
  const keeper = load.kept ?? null;
  let view: TrainingView = {
    run: IDLE_RUN,
    msPerBatch: null,
    dataBytes: null,
    kept: keeper && { wanted: keeper.wanted(), bytes: null },
  };
  const listeners = new Set<() => void>();
  let held: { client: TrainClient; unsubscribe: () => void } | null = null;
  let loading: Promise<TrainClient | null> | null = null;
  // Bumped on close: a load that lands after it is freed at once.
  let generation = 0;
  // The first batch seen since training last (re)started, for the pace.
  let pace: { time: number; batch: number } | null = null;
  // Start was asked for and the client is still loading: a second Start is not a second run.
  let starting = false;
  let sizeAsked = false;
  // Bumped by each read of the kept bytes: only the newest lands.
  let keptReads = 0;

  const set = (next: Partial<TrainingView>) => {
    view = { ...view, ...next };
    listeners.forEach((listener) => listener());
  };

  const show = (run: TrainRun) => {
    if (run === view.run) return;
    // A panel opened again gets an idle client: the last run's figures stay until the next.
    if (run.state === 'idle' && view.run.state !== 'idle') return;
    const last = run.batches.at(-1);
    const done = last && run.batchesPerEpoch ? batchesDone(last, run.batchesPerEpoch) : null;
    let msPerBatch = view.msPerBatch;
    if (run.state !== 'training' || done === null) pace = null;
    else if (!pace || done < pace.batch) pace = { time: now(), batch: done };
    else if (done > pace.batch) msPerBatch = (now() - pace.time) / (done - pace.batch);
    const ended = isActive(view.run.state) && !isActive(run.state);
    set({ run, msPerBatch });
    // A run that ended may have kept MNIST (or failed to).
    if (ended) readKept();
  };

  const setKept = (change: Partial<KeptView>) => {
    if (view.kept) set({ kept: { ...view.kept, ...change } });
  };

  const readKept = () => {
    if (!keeper) return;
    const read = ++keptReads;
    keeper.bytes().then(
      (bytes) => read === keptReads && setKept({ bytes }),
      () => read === keptReads && setKept({ bytes: null }),
    );
  };

  const attach = (): Promise<TrainClient | null> => {
    if (held) return Promise.resolve(held.client);
    if (loading) return loading;
    const current = generation;
    loading = load.client().then(
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

  const readSize = () => {
    if (sizeAsked) return;
    sizeAsked = true;
    // Without the size the panel says "Downloads MNIST" and the run still works.
    load.dataBytes().then(
      (dataBytes) => set({ dataBytes }),
      () => (sizeAsked = false),
    );
  };

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open() {
      readSize();
      readKept();
      void attach();
    },
    close() {
      detach();
      // Freed mid-run: the run ends here, as Stop would end it.
      if (isActive(view.run.state)) set({ run: { ...view.run, state: 'stopped' } });
    },
    start(settings) {
      if (starting || isActive(view.run.state)) return;
      starting = true;
      set({ run: { ...IDLE_RUN, settings }, msPerBatch: null });
      void attach().then((client) => {
        if (!client || !starting) return;
        starting = false;
        client.start(settings, { keepData: view.kept?.wanted ?? false });
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
    setKeep(on) {
      keeper?.setWanted(on);
      setKept({ wanted: on });
    },
    dropKept() {
      if (!keeper || starting || isActive(view.run.state)) return;
      keeper.drop().then(readKept, readKept);
    },
  };
}
