import { describe, expect, it } from 'vitest';
import { resultForDrawing, type PredictionResult } from './usePrediction';

const result = (version: number, preprocessing: PredictionResult['preprocessing']) =>
  ({ version, preprocessing, input: null, prediction: null }) satisfies PredictionResult;

describe('resultForDrawing', () => {
  it('shows a result only for the drawing version and preprocessing it was made for', () => {
    const r = result(5, 'mnist');
    expect(resultForDrawing(r, 5, 'mnist')).toBe(r);
    // The stroke moved on (e.g. the pointerup committed it): the old scores are stale.
    expect(resultForDrawing(r, 6, 'mnist')).toBeNull();
    // Same drawing, other preprocessing: not yet predicted that way.
    expect(resultForDrawing(r, 5, 'naive')).toBeNull();
    expect(resultForDrawing(null, 0, 'mnist')).toBeNull();
  });
});
