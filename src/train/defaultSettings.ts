// Without tfjs, so the page can show the defaults without loading the training code.
import type { TrainArch, TrainSettings } from './trainProtocol';

export type ArchDefaults = Pick<TrainSettings, 'epochs' | 'batchSize' | 'learningRate'>;

/**
 * Adam at the given rate with these defaults reaches, on MNIST test (measured in Node, see
 * docs/): dense128 >= 95% after 1 epoch, >= 97.5% after 5 (the tutorial's own 5 epochs at its
 * batch of 32); the CNN >= 98.5% after its 3.
 */
export const DEFAULT_SETTINGS: Record<TrainArch, ArchDefaults> = {
  dense128: { epochs: 5, batchSize: 32, learningRate: 0.001 },
  cnn: { epochs: 3, batchSize: 64, learningRate: 0.002 },
};
