import { describe, expect, it } from 'vitest';
import { judge, notDigitProbability } from './verdict';

const THRESHOLDS = { sure: 0.9, notDigit: 0.5 };
/** Probabilities with `top` on digit a, `rest` on digit b and the remainder spread evenly. */
const probs = (a: number, top: number, b: number, rest: number) =>
  Array.from({ length: 10 }, (_, i) => (i === a ? top : i === b ? rest : (1 - top - rest) / 8));

describe('judge', () => {
  it('is sure at or above the sure threshold, and names the runner-up', () => {
    expect(judge(probs(4, 0.95, 9, 0.04), 0.01, THRESHOLDS)).toEqual({
      verdict: 'sure',
      alternatives: [4, 9],
    });
    expect(judge(probs(4, 0.9, 9, 0.05), 0.01, THRESHOLDS).verdict).toBe('sure');
  });

  it('is unsure below it, offering the two likeliest digits best first', () => {
    expect(judge(probs(9, 0.55, 4, 0.4), 0.01, THRESHOLDS)).toEqual({
      verdict: 'unsure',
      alternatives: [9, 4],
    });
  });

  it('says not a digit when that probability reaches its threshold, however sure the digit', () => {
    expect(judge(probs(1, 0.99, 7, 0.005), 0.5, THRESHOLDS).verdict).toBe('not-a-digit');
    expect(judge(probs(1, 0.99, 7, 0.005), 0.49, THRESHOLDS).verdict).toBe('sure');
  });

  it('never says not a digit for a model without that output', () => {
    expect(judge(probs(3, 0.5, 5, 0.3), null, THRESHOLDS).verdict).toBe('unsure');
  });

  it('breaks ties by the lower digit, and the two alternatives always differ', () => {
    const flat = new Array<number>(10).fill(0.1);
    expect(judge(flat, null, THRESHOLDS).alternatives).toEqual([0, 1]);
  });
});

describe('notDigitProbability', () => {
  it('is the extra class share of the 11-way softmax', () => {
    expect(notDigitProbability(new Array<number>(10).fill(0), 0)).toBeCloseTo(1 / 11, 12);
    expect(notDigitProbability([5, 0, 0, 0, 0, 0, 0, 0, 0, 0], -5)).toBeLessThan(1e-4);
    expect(notDigitProbability(new Array<number>(10).fill(0), 10)).toBeGreaterThan(0.999);
    expect(notDigitProbability(new Array<number>(10).fill(1000), 1000)).toBeCloseTo(1 / 11, 12);
  });
});
