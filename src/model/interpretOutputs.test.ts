import { describe, expect, it } from 'vitest';
import { interpretOutputs } from './interpretOutputs';
import type { Calibration } from './modelFormat';

const CALIBRATION: Calibration = {
  temperature: 2,
  thresholds: { sure: 0.9, notDigit: 0.5 },
  fittedOn: 'test',
};
const logits = (top: number, second: number) =>
  Array.from({ length: 10 }, (_, i) => (i === 4 ? top : i === 9 ? second : 0));

describe('interpretOutputs', () => {
  it('divides the logits by the temperature before the softmax', () => {
    const raw = interpretOutputs(logits(8, 0), null, undefined);
    const calibrated = interpretOutputs(logits(8, 0), null, CALIBRATION);
    expect(calibrated.digit).toBe(4);
    expect(calibrated.confidence).toBeLessThan(raw.confidence);
    expect(calibrated.confidence).toBeCloseTo(Math.exp(4) / (Math.exp(4) + 9), 10);
  });

  it('judges sure, unsure and not a digit with the shipped thresholds', () => {
    expect(interpretOutputs(logits(12, 0), -10, CALIBRATION).verdict).toBe('sure');
    const unsure = interpretOutputs(logits(6, 5), -10, CALIBRATION);
    expect(unsure).toMatchObject({ verdict: 'unsure', alternatives: [4, 9] });
    expect(interpretOutputs(logits(12, 0), 20, CALIBRATION).verdict).toBe('not-a-digit');
  });

  it('gives no verdict for a model without calibration, and no not-a-digit score without that output', () => {
    const reading = interpretOutputs(logits(12, 3), null, undefined);
    expect(reading.verdict).toBeNull();
    expect(reading.notDigit).toBeNull();
    expect(reading.alternatives).toEqual([4, 9]);
  });
});
