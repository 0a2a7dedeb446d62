import { describe, expect, it } from 'vitest';
import { modelJsonUrl } from './modelUrl';
import { argMax, softmax } from './softmax';

describe('softmax and argMax', () => {
  it('turns logits into probabilities that sum to one', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[2]! / p[1]!).toBeCloseTo(Math.E, 10);
  });

  it('stays finite for large logits', () => {
    const p = softmax([1000, 999, -1000]);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
  });

  it('softens with a temperature above 1 and keeps the order', () => {
    const sharp = softmax([4, 1, 0]);
    const soft = softmax([4, 1, 0], 2);
    expect(soft[0]).toBeLessThan(sharp[0]!);
    expect(soft[0]! / soft[1]!).toBeCloseTo(Math.exp(1.5), 10);
    expect(argMax(soft)).toBe(argMax(sharp));
  });

  it('picks the first of equal maxima', () => {
    expect(argMax([0.1, 0.7, 0.7])).toBe(1);
    expect(argMax([])).toBe(-1);
  });
});

describe('modelJsonUrl', () => {
  it('resolves against the page, so any sub-path works', () => {
    expect(modelJsonUrl('./', 'https://example.org/tools/digits/')).toBe(
      'https://example.org/tools/digits/model/model.json',
    );
    expect(modelJsonUrl('./', 'https://example.org/tools/digits/index.html?x=1')).toBe(
      'https://example.org/tools/digits/model/model.json',
    );
    expect(modelJsonUrl('/', 'http://localhost:5173/')).toBe(
      'http://localhost:5173/model/model.json',
    );
  });
});
