import { describe, expect, it } from 'vitest';
import type { Reading } from '../src/model/interpretOutputs';
import { chooseThresholds } from './thresholds';

const reading = (digit: number, confidence: number, notDigit = 0): Reading => ({
  probabilities: [],
  digit,
  confidence,
  notDigit,
  verdict: null,
  alternatives: [digit, (digit + 1) % 10],
});

describe('chooseThresholds', () => {
  it('sets the sure threshold where the answers above it reach the target accuracy', () => {
    // 98 right answers at 0.99..0.50, then a wrong one at 0.45 and a right one at 0.40.
    const digits = [
      ...Array.from({ length: 98 }, (_, i) => reading(1, 0.99 - i * 0.005)),
      reading(2, 0.45),
      reading(1, 0.4),
    ];
    const labels = new Array<number>(100).fill(1);
    const { sure } = chooseThresholds(digits, labels, { sureAccuracy: 0.995, maxRejected: 0 });
    expect(sure).toBeCloseTo(0.99 - 97 * 0.005, 10);
    // With a looser target the whole set qualifies (99 of 100 right).
    expect(
      chooseThresholds(digits, labels, { sureAccuracy: 0.99, maxRejected: 0 }).sure,
    ).toBeCloseTo(0.4, 10);
  });

  it('rejects at most the allowed share of real digits, and never below 0.5', () => {
    const digits = Array.from({ length: 100 }, (_, i) => reading(3, 0.99, i < 2 ? 0.9 : 0.01));
    const labels = new Array<number>(100).fill(3);
    const loose = chooseThresholds(digits, labels, { sureAccuracy: 0.99, maxRejected: 0.02 });
    expect(loose.notDigit).toBe(0.5);
    const strict = chooseThresholds(digits, labels, { sureAccuracy: 0.99, maxRejected: 0.01 });
    expect(strict.notDigit).toBeGreaterThan(0.9);
    expect(strict.notDigit).toBeLessThan(0.901);
  });

  it('is sure of nothing when no confidence reaches the target', () => {
    const digits = [reading(1, 0.9), reading(2, 0.8)];
    expect(chooseThresholds(digits, [2, 1], { sureAccuracy: 0.99, maxRejected: 0 }).sure).toBe(1);
  });
});
