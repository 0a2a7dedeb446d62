import { IDLE_RUN } from '../../train/nextRun';
import type { BatchPoint, EpochPoint, TrainRun, TrainSettings } from '../../train/trainProtocol';

// Runs for the panel's tests: plain data, as a TrainClient reports them.

export const SETTINGS: TrainSettings = {
  arch: 'dense128',
  epochs: 5,
  batchSize: 32,
  learningRate: 0.001,
  limit: null,
  personal: null,
};

export function batchPoint(epoch: number, batch: number, loss = 1, accuracy = 0.5): BatchPoint {
  return { epoch, batch, loss, accuracy };
}

export function epochPoint(epoch: number, ms: number, accuracy = 0.9): EpochPoint {
  return { epoch, loss: 0.3, accuracy, validationAccuracy: accuracy - 0.01, ms };
}

/** A run of `settings` training, with batch points `batches` and finished epochs `epochs`. */
export function trainingRun(
  batches: BatchPoint[],
  epochs: EpochPoint[] = [],
  batchesPerEpoch = 100,
): TrainRun {
  return {
    ...IDLE_RUN,
    state: 'training',
    settings: SETTINGS,
    backend: 'webgl',
    batchesPerEpoch,
    batches,
    epochs,
  };
}
