import { isActive } from '../../train/nextRun';
import type { BatchPoint, TrainRun, TrainState } from '../../train/trainProtocol';
import { formatBytes, formatCount, formatDuration } from './trainFormat';

// Where a run is, from the points the worker reported. BatchPoint and EpochPoint count epochs
// and batches from 1 (src/train/trainRun.ts), as the panel shows them.

export interface RunProgress {
  /** The epoch under way or last finished; 0 before the first batch. */
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

/** Batches of the whole run done as of batch `point`. */
export function batchesDone(point: BatchPoint, batchesPerEpoch: number): number {
  return (point.epoch - 1) * batchesPerEpoch + point.batch;
}

export function runProgress(run: TrainRun): RunProgress {
  const epochs = run.settings?.epochs ?? 0;
  const perEpoch = run.batchesPerEpoch;
  const last = run.batches.at(-1);
  const epoch = last?.epoch ?? 0;
  const batch = last?.batch ?? 0;
  const done = last && perEpoch ? batchesDone(last, perEpoch) : 0;
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

const STATE_WORDS: Record<TrainState, string> = {
  idle: 'Not started',
  downloading: 'Downloading MNIST',
  training: 'Training',
  paused: 'Paused',
  done: 'Done',
  stopped: 'Stopped',
  error: 'Stopped by an error',
};

/** The run's state in words, with the download's progress while downloading. */
export function stateText(run: TrainRun): string {
  const words = STATE_WORDS[run.state];
  if (run.state !== 'downloading' || !run.download) return words;
  const { loaded, total } = run.download;
  return `${words}: ${formatBytes(loaded)} of ${formatBytes(total)}`;
}

/** Where the run is, how long an epoch takes and how long is left, as short phrases. */
export function progressPhrases(run: TrainRun, msPerBatch: number | null): string[] {
  const { epoch, batch, epochs, batchesPerEpoch, done } = runProgress(run);
  const phrases: string[] = [];
  if (epoch > 0) phrases.push(`epoch ${epoch} of ${epochs}`);
  if (epoch > 0 && batchesPerEpoch) {
    phrases.push(`batch ${formatCount(batch)} of ${formatCount(batchesPerEpoch)}`);
  }
  const epochMs = meanEpochMs(run);
  if (epochMs !== null) phrases.push(`${formatDuration(epochMs)} per epoch`);
  const trained = batchesPerEpoch !== null && done >= epochs * batchesPerEpoch;
  const left = isActive(run.state) ? remainingMs(run, msPerBatch) : null;
  // After the last batch: validation, then the test set (seconds the pace does not cover).
  if (left !== null)
    phrases.push(trained ? 'measuring accuracy' : `about ${formatDuration(left)} left`);
  return phrases;
}
