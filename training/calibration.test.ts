import { describe, expect, it } from 'vitest';
import { NUM_CLASSES } from '../src/constants';
import { expectedCalibrationError, fitTemperature, meanNll } from './calibration';
import { Random } from './random';

/**
 * Logits of a model that is right with probability `accuracy` but overconfident by the factor
 * `overconfidence`: its true (calibrated) logits times that factor.
 */
function overconfident(n: number, accuracy: number, overconfidence: number, seed = 1) {
  const random = new Random(seed);
  const logits = new Float32Array(n * NUM_CLASSES);
  const labels = new Int32Array(n);
  // With margin m on one of 10 classes, p(top) = e^m / (e^m + 9): solve for the accuracy.
  const margin = Math.log((9 * accuracy) / (1 - accuracy));
  for (let i = 0; i < n; i++) {
    labels[i] = random.int(NUM_CLASSES);
    // Sample the predicted class from the calibrated distribution.
    const right = random.next() < accuracy;
    const top = right ? labels[i]! : (labels[i]! + 1 + random.int(9)) % NUM_CLASSES;
    logits[i * NUM_CLASSES + top] = margin * overconfidence;
  }
  return { logits, labels };
}

describe('calibration', () => {
  it('finds the temperature that undoes overconfidence', () => {
    const { logits, labels } = overconfident(4000, 0.9, 3);
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(2.6);
    expect(t).toBeLessThan(3.4);
    expect(meanNll(logits, labels, t)).toBeLessThan(meanNll(logits, labels, 1));
  });

  it('leaves a calibrated model near temperature 1', () => {
    const { logits, labels } = overconfident(4000, 0.8, 1, 2);
    expect(fitTemperature(logits, labels)).toBeCloseTo(1, 0);
  });

  it('measures the calibration error: large when overconfident, small once scaled', () => {
    const { logits, labels } = overconfident(4000, 0.9, 3);
    const before = expectedCalibrationError(logits, labels);
    const after = expectedCalibrationError(logits, labels, fitTemperature(logits, labels));
    expect(before).toBeGreaterThan(0.08);
    expect(after).toBeLessThan(0.02);
  });

  it('is zero for a model that is always right and sure', () => {
    const logits = new Float32Array(2 * NUM_CLASSES);
    logits[3] = 100;
    logits[NUM_CLASSES + 7] = 100;
    expect(expectedCalibrationError(logits, [3, 7])).toBeCloseTo(0, 6);
  });
});
