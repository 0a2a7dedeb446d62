// Messages between the Train panel (main thread) and the training worker (issue 26).
// The worker (train.worker.ts) owns every tensor of a run; the page only sees numbers.
import type { BackendRequest } from '../model/backendRequest';

/** The tutorial's Flatten -> Dense 128 relu -> Dropout 0.2 -> Dense 10, or a small CNN. */
export type TrainArch = 'dense128' | 'cnn';

export interface TrainSettings {
  arch: TrainArch;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Train on the first N MNIST training images only (a quick run); null: all 60,000. */
  limit: number | null;
  /** The person's kept drawings ("Learns your handwriting") added to training, weighted. */
  personal: { inputs: Float32Array[]; labels: number[]; weight: number } | null;
}

export type TrainState =
  'idle' | 'downloading' | 'training' | 'paused' | 'done' | 'stopped' | 'error';

/** Page -> worker. */
export type ToWorker =
  | {
      type: 'start';
      settings: TrainSettings;
      /** The folder of the MNIST files (mnist/manifest.json ...), absolute, ending in '/'. */
      dataUrl: string;
      /** 'auto' (the default): WebGL on a GPU, else wasm, else cpu. */
      backend?: BackendRequest;
      /** The shipped model.json, read for "before" on the person's held-out drawings. */
      shippedModelUrl?: string;
      /** Keep MNIST on the device for offline use (Cache Storage), and read it from there. */
      keepData?: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

/** Epochs and batches count from 1: the point of batch 3 of epoch 1 is made after it. */
export interface BatchPoint {
  epoch: number;
  batch: number;
  loss: number;
  accuracy: number;
}

export interface EpochPoint {
  epoch: number;
  loss: number;
  accuracy: number;
  validationAccuracy: number;
  /** Time the epoch's batches took, pauses left out (validation not included). */
  ms: number;
}

/** The finished model's test-set figures. */
export interface TestReport {
  accuracy: number;
  /** Right of total per digit. */
  perClass: { right: number; total: number }[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Up to a few misread test images per confusion cell, keyed `"true,predicted"`. */
  misread: Record<string, { index: number; pixels: Uint8Array }[]>;
  /**
   * On the person's held-out drawings (the newest of each digit drawn twice or more): how many
   * of `total` the shipped model (before) and the trained one (after) read right. Null when
   * none were held out or the shipped model could not be read.
   */
  personal: { before: number; after: number; total: number } | null;
}

/** Worker -> page. */
export type FromWorker =
  | { type: 'backend'; name: string }
  | { type: 'download'; loaded: number; total: number }
  | { type: 'batch'; point: BatchPoint; batchesPerEpoch: number }
  | { type: 'epoch'; point: EpochPoint }
  | { type: 'state'; state: TrainState }
  | {
      type: 'done';
      report: TestReport;
      model: TrainedModelFiles;
      /** The worker's tensors left after the run minus before it: 0 unless one leaked. */
      tensorsLeft?: number;
    }
  | { type: 'error'; message: string; detail: string };

/** The trained model in tfjs's layers format, with the serving signature in its metadata. */
export interface TrainedModelFiles {
  modelJson: Record<string, unknown>;
  weightData: ArrayBuffer;
}

/** Everything the panel shows of one run, as the client has it now. */
export interface TrainRun {
  state: TrainState;
  settings: TrainSettings | null;
  /** The backend the worker trains on ('webgl', 'wasm', 'cpu'), once known. */
  backend: string | null;
  /** Bytes of MNIST downloaded so far and in all (the total is known before it starts). */
  download: { loaded: number; total: number } | null;
  batchesPerEpoch: number | null;
  batches: BatchPoint[];
  epochs: EpochPoint[];
  report: TestReport | null;
  model: TrainedModelFiles | null;
  error: { message: string; detail: string } | null;
  /** From the done message: the worker's tensors left by the run (0 unless one leaked). */
  tensorsLeft?: number;
}

/** The main thread's handle on the worker (trainClient.ts), in predictionLoop's shape. */
export interface TrainClient {
  /** `keepData`: read MNIST from, and keep it in, the device's cache (offline use). */
  start(settings: TrainSettings, options?: { keepData?: boolean }): void;
  pause(): void;
  resume(): void;
  /** Ends the run and frees the worker; the figures so far stay. */
  stop(): void;
  /** The current run; a new object whenever something changed. */
  getRun(): TrainRun;
  subscribe(listener: () => void): () => void;
  /** Frees the worker (closing the panel). */
  dispose(): void;
}
