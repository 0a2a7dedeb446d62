import { describe, expect, it } from 'vitest';
import { joinLogOdds } from '../src/number/segmentation';
import { fitLogistic, type LogisticModel } from './fitLogistic';

/** Mean cross-entropy of the model on the examples. */
function loss(model: LogisticModel, features: number[][], labels: number[]): number {
  const total = features.reduce((sum, f, i) => {
    const p = 1 / (1 + Math.exp(-joinLogOdds(f, { ...model, threshold: 0 })));
    return sum - Math.log(labels[i] ? p : 1 - p);
  }, 0);
  return total / features.length;
}

// A grid of points labelled by a known rule: one digit when 2x - y > 1; the second feature
// at a far larger scale, so standardisation matters.
const features: number[][] = [];
const labels: number[] = [];
for (let x = 0; x <= 1; x += 0.1) {
  for (let y = -1; y <= 1; y += 0.2) {
    if (Math.abs(2 * x - y - 1) < 0.05) continue; // a margin either side of the boundary
    features.push([x, 100 * y]);
    labels.push(2 * x - y > 1 ? 1 : 0);
  }
}

describe('fitLogistic', () => {
  it('recovers a separable rule', () => {
    const model = fitLogistic(features, labels);
    const predicted = features.map((f) => (joinLogOdds(f, { ...model, threshold: 0 }) > 0 ? 1 : 0));
    expect(predicted).toEqual(labels);
    // The weights point the rule's way: up with x, down with y.
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
  });

  it('standardises each feature by its mean and standard deviation', () => {
    const model = fitLogistic(
      [
        [1, 5],
        [3, 5],
      ],
      [0, 1],
      { steps: 1 },
    );
    expect(model.mean).toEqual([2, 5]);
    // A constant feature keeps scale 1 rather than dividing by zero.
    expect(model.scale).toEqual([1, 1]);
  });

  it('lowers the loss as it runs, from log 2 at the start', () => {
    const losses = [0, 10, 100, 1000].map((steps) =>
      loss(fitLogistic(features, labels, { steps }), features, labels),
    );
    expect(losses[0]).toBeCloseTo(Math.log(2), 10);
    for (let i = 1; i < losses.length; i++) expect(losses[i]!).toBeLessThan(losses[i - 1]!);
  });

  it('is deterministic: the same data fit the same model', () => {
    expect(fitLogistic(features, labels, { steps: 50 })).toEqual(
      fitLogistic(features, labels, { steps: 50 }),
    );
  });
});
