import type { TrainRun, TrainState } from '../../train/trainProtocol';

// Where a run is, from the points the worker reported. BatchPoint and EpochPoint count epochs
// and batches from 0, as tfjs's fit callbacks do; the panel shows them from 1.

export interface RunProgress {
  /** The epoch under way or last finished, from 1; 0 before the first batch. */
  epoch: number;
  /** Batches done in that epoch. */
  batch: number;
  epochs: number;
  batchesPerEpoch: number | null;
  /** Batches done of the whole run. */
  done: number;
  /** 0..1 of the whole run's batches; of the download while downloading. */
  fraction: number;
}

/** The states in which the run holds a worker and Stop means something. */
export function isActive(state: TrainState): boolean {
  return state === 'downloading' || state === 'training' || state === 'paused';
}

export function runProgress(run: TrainRun): RunProgress {
  const epochs = run.settings?.epochs ?? 0;
  const perEpoch = run.batchesPerEpoch;
  const last = run.batches.at(-1);
  const epoch = last ? last.epoch + 1 : 0;
  const batch = last ? last.batch + 1 : 0;
  const done = last && perEpoch ? last.epoch * perEpoch + batch : 0;
  let fraction = 0;
  if (run.state === 'done') fraction = 1;
  else if (run.state === 'downloading' && run.download && run.download.total > 0) {
    fraction = run.download.loaded / run.download.total;
  } else if (perEpoch && epochs > 0) fraction = done / (perEpoch * epochs);
  return {
    epoch,
    batch,
    epochs,
    batchesPerEpoch: perEpoch,
    done,
    fraction: Math.min(1, Math.max(0, fraction)),
  };
}

/** Mean time of the finished epochs, validation included; null before the first. */
export function meanEpochMs(run: TrainRun): number | null {
  if (run.epochs.length === 0) return null;
  return run.epochs.reduce((sum, point) => sum + point.ms, 0) / run.epochs.length;
}

/**
 * Time left for the run's remaining batches: at the finished epochs' mean pace once there is
 * one (it includes each epoch's validation), else at the pace measured over recent batches.
 * The final test-set evaluation is not counted. Null when there is nothing to go on.
 */
export function remainingMs(run: TrainRun, msPerBatch: number | null): number | null {
  const { done, epochs, batchesPerEpoch } = runProgress(run);
  if (!batchesPerEpoch || epochs === 0) return null;
  const epochMs = meanEpochMs(run);
  const pace = epochMs !== null ? epochMs / batchesPerEpoch : msPerBatch;
  if (pace === null || !Number.isFinite(pace)) return null;
  return Math.max(0, epochs * batchesPerEpoch - done) * pace;
}
