import { describe, expect, it } from 'vitest';
import type { Prediction } from '../model/classifier';
import { interpretOutputs } from '../model/interpretOutputs';
import type { Calibration } from '../model/modelFormat';
import { adaptPrediction } from './adaptPrediction';
import { EMPTY_MEMORY, personalMemory } from './personalMemory';

const calibration: Calibration = {
  temperature: 1.2,
  thresholds: { sure: 0.9, notDigit: 0.5 },
  fittedOn: 'a test',
};
const logits = [0, 0, 0, 0, 4, 0, 0, 0, 0, 3.5];
const predictionOf = (notDigitLogit: number): Prediction => ({
  logits,
  notDigitLogit,
  ...interpretOutputs(logits, notDigitLogit, calibration),
});

describe('adaptPrediction', () => {
  it('is the shipped reading itself with nothing kept', () => {
    const prediction = predictionOf(-3);
    expect(adaptPrediction(prediction, EMPTY_MEMORY, calibration)).toBe(prediction);
  });

  it('reads a drawing like a kept 9 as 9, keeping the raw outputs', () => {
    const prediction = predictionOf(-3);
    expect(prediction.digit).toBe(4);
    // The person said this very drawing is a 9.
    const memory = personalMemory([{ label: 9, logits }]);
    const adapted = adaptPrediction(prediction, memory, calibration);
    expect(adapted.digit).toBe(9);
    expect(adapted.verdict).toBe('sure');
    expect(adapted.probabilities[9]).toBeGreaterThan(0.9);
    expect(adapted.logits).toBe(logits);
    expect(adapted.notDigit).toBe(prediction.notDigit);
  });

  it('leaves the not-a-digit decision to the shipped model', () => {
    const prediction = predictionOf(9);
    expect(prediction.verdict).toBe('not-a-digit');
    const adapted = adaptPrediction(
      prediction,
      personalMemory([{ label: 9, logits }]),
      calibration,
    );
    expect(adapted.verdict).toBe('not-a-digit');
    expect(adapted.digit).toBe(9);
  });
});
