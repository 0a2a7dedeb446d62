import * as tf from '@tensorflow/tfjs-core';

/** The rate at the end of a run, as a share of the rate it starts with. */
export const FINAL_RATE_SHARE = 0.02;

/**
 * Adam whose learning rate falls along a cosine from the given rate to FINAL_RATE_SHARE of it
 * over the run (as `npm run train` does per epoch): the first epoch moves fast, the last
 * settles. At a constant 0.001 the tutorial's network ended 5 epochs at 97.44-97.66% on MNIST
 * test over three seeds, either side of the 97.5% target.
 */
export class DecayingAdam extends tf.AdamOptimizer {
  constructor(private readonly initialRate: number) {
    super(initialRate, 0.9, 0.999);
  }

  /** Sets the rate for `progress` (0 at the first batch, 1 after the last). */
  setProgress(progress: number): void {
    const p = Math.min(1, Math.max(0, progress));
    const share = FINAL_RATE_SHARE + ((1 - FINAL_RATE_SHARE) * (1 + Math.cos(Math.PI * p))) / 2;
    this.learningRate = this.initialRate * share;
  }

  get rate(): number {
    return this.learningRate;
  }
}
