import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { DecayingAdam, FINAL_RATE_SHARE } from './decayingAdam';

describe('DecayingAdam', () => {
  it('falls along a cosine from the given rate to its final share', () => {
    const adam = new DecayingAdam(0.002);
    expect(adam.rate).toBe(0.002);
    adam.setProgress(0.5);
    expect(adam.rate).toBeCloseTo((0.002 * (1 + FINAL_RATE_SHARE)) / 2, 10);
    adam.setProgress(1);
    expect(adam.rate).toBeCloseTo(0.002 * FINAL_RATE_SHARE, 10);
    adam.dispose();
  });
});
