import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import { probeInputs } from './probeInputs';

describe('probeInputs (the known test drawings)', () => {
  const { inputs, labels } = probeInputs();

  it('holds two drawings of each digit as page inputs', () => {
    expect(labels).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(inputs.map((i) => i.length)).toEqual(labels.map(() => INPUT_PIXELS));
    for (const input of inputs) {
      expect(Math.min(...input)).toBe(0);
      expect(Math.max(...input)).toBeGreaterThan(0.99);
      expect(Math.max(...input)).toBeLessThanOrEqual(1);
    }
  });
});
