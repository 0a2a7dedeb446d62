import { describe, expect, it } from 'vitest';
import { adaptLogits, type AdaptParams } from './adaptLogits';
import { EMPTY_MEMORY, personalMemory } from './personalMemory';

const LOGITS = [1.5, -2, 0.25, 3, -0.5, 0, 2.75, -1, 0.5, 1];
/** Ten logits, `high` at the digits in `on` and `low` elsewhere. */
const along = (on: number[], high = 1, low = 0) =>
  Array.from({ length: 10 }, (_, i) => (on.includes(i) ? high : low));
const means: AdaptParams = { method: 'means', k: 1, threshold: 0.5, weight: 4 };
const knn: AdaptParams = { method: 'knn', k: 1, threshold: 0.5, weight: 4 };

describe('adaptLogits', () => {
  it('returns the logits unchanged, bit for bit, with nothing kept', () => {
    const logits = Float32Array.from(LOGITS.map((v) => v / 3));
    const adapted = adaptLogits(logits, EMPTY_MEMORY, 1);
    adapted.forEach((v, i) => expect(Object.is(v, logits[i])).toBe(true));
  });

  it('means: logits pointing like a kept 4 gain the full weight on 4 alone', () => {
    const memory = personalMemory([{ label: 4, logits: along([0, 2]) }]);
    // The same direction at another length: cosine similarity 1.
    const longer = along([0, 2], 7);
    const adapted = adaptLogits(longer, memory, 1, means);
    expect(adapted[4]).toBeCloseTo(4, 5);
    adapted.forEach((v, i) => i !== 4 && expect(v).toBe(longer[i]));
  });

  for (const params of [means, knn]) {
    it(`${params.method}: a drawing unlike anything kept keeps the network's logits`, () => {
      const memory = personalMemory([{ label: 4, logits: along([0, 2]) }]);
      // Cosine 0.5 with the kept example: at the threshold, so no say.
      expect(adaptLogits(along([0, 3]), memory, 1, params)).toEqual(along([0, 3]));
      expect(adaptLogits(along([5, 6]), memory, 1, params)).toEqual(along([5, 6]));
    });
  }

  it('gains in proportion to how far the similarity is above the threshold', () => {
    const memory = personalMemory([{ label: 7, logits: along([0, 1, 2, 3]) }]);
    // cos = 3 / sqrt(4 * 3) = 0.866: (0.866 - 0.5) / 0.5 of the weight.
    const adapted = adaptLogits(along([0, 1, 2]), memory, 1, means);
    expect(adapted[7]).toBeCloseTo(4 * ((3 / Math.sqrt(12) - 0.5) / 0.5), 5);
  });

  it('knn: only the k nearest kept examples vote', () => {
    const memory = personalMemory([
      { label: 7, logits: along([0, 1, 2, 3]) },
      { label: 8, logits: along([0, 1, 2]) },
      { label: 9, logits: along([0, 1]) },
    ]);
    // Similarities 0.816 (7), 0.707 (8), 0.577 (9): all above 0.5, the third not among k.
    const drawing = along([0, 1, 2, 3, 4, 5]);
    const adapted = adaptLogits(drawing, memory, 1, { ...knn, k: 2 });
    expect(adapted[7]).toBeCloseTo(4 * ((4 / Math.sqrt(24) - 0.5) / 0.5), 5);
    expect(adapted[8]).toBeCloseTo(4 * ((3 / Math.sqrt(18) - 0.5) / 0.5), 5);
    expect(adapted[9]).toBe(0);
  });

  it('means: a digit is judged by the mean of its kept examples', () => {
    const memory = personalMemory([
      { label: 5, logits: along([0]) },
      { label: 5, logits: along([1]) },
    ]);
    // Similar to the mean (0.707 + 0.707 -> cos 1) though at 0.707 to each.
    const adapted = adaptLogits(along([0, 1]), memory, 1, means);
    expect(adapted[5]).toBeCloseTo(4, 5);
  });

  it('knn: the same drawing again reads as the kept digit, whatever the margin', () => {
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const memory = personalMemory([{ label: 1, logits: confident }]);
    const adapted = adaptLogits(confident, memory, 1, knn);
    expect(adapted[1]).toBe(40 + 4);
    // Means have no such rule: the gain alone.
    expect(adaptLogits(confident, memory, 1, means)[1]).toBeCloseTo(LOGITS[1]! + 4, 5);
  });

  it('knn: a drawing merely close to a kept one gets the gain, not the forced reading', () => {
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const memory = personalMemory([{ label: 1, logits: confident }]);
    const near = confident.map((v, i) => (i === 6 ? v + 2 : v));
    const adapted = adaptLogits(near, memory, 1, knn);
    expect(adapted[3]).toBe(40);
    expect(adapted[1]).toBeLessThan(40);
    expect(adapted[1]).toBeGreaterThan(LOGITS[1]! + 3.9);
  });

  it('weight and margin are in calibrated logits: raw, they scale with the temperature', () => {
    const gated: AdaptParams = { ...knn, margin: 3 };
    const memory = personalMemory([{ label: 4, logits: along([0, 2]) }]);
    // The same drawing at twice the logit scale under twice the temperature: the same change.
    const cold = adaptLogits(along([0, 2], 1), memory, 1, gated);
    const hot = adaptLogits(along([0, 2], 2), memory, 2, gated);
    hot.forEach((v, i) => expect(v).toBeCloseTo(2 * cold[i]!, 5));
    // Margin 4 in raw logits: sure at temperature 1, hesitant at temperature 2.
    const readAs0 = [4, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const kept0 = personalMemory([{ label: 6, logits: readAs0 }]);
    const near = [4, 0, 0, 0, 0, 0, 0.5, 0, 0, 0];
    expect(adaptLogits(near, kept0, 1, gated)).toEqual(near);
    expect(adaptLogits(near, kept0, 2, gated)[6]).toBeGreaterThan(0.5);
  });

  describe('margin: only drawings the network hesitates over adapt', () => {
    const gated: AdaptParams = { ...knn, margin: 3 };
    // Kept: a 7 the network read as 1 (logits along 1 and 7, 1 on top).
    const memory = personalMemory([{ label: 7, logits: [0, 5, 0, 0, 0, 0, 0, 4, 0, 0] }]);

    it('a drawing read with a margin below it gains as without the gate', () => {
      const unsure = [0, 5, 0, 0, 0, 0, 0, 3, 0, 0]; // margin 2
      expect(adaptLogits(unsure, memory, 1, gated)).toEqual(adaptLogits(unsure, memory, 1, knn));
      expect(adaptLogits(unsure, memory, 1, gated)[7]).toBeGreaterThan(3);
    });

    it('a drawing read with a margin at or above it keeps the network logits', () => {
      const sure = [0, 6, 0, 0, 0, 0, 0, 3, 0, 0]; // margin 3, cosine 0.98 with the kept one
      expect(adaptLogits(sure, memory, 1, knn)[7]).toBeGreaterThan(3);
      expect(adaptLogits(sure, memory, 1, gated)).toEqual(sure);
    });

    it('the same drawing again still reads as corrected, however sure the network is', () => {
      const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
      const kept = personalMemory([{ label: 1, logits: confident }]);
      expect(adaptLogits(confident, kept, 1, gated)[1]).toBe(40 + 4);
    });
  });

  describe('pair: a correction helps only the reading it was about', () => {
    const paired: AdaptParams = { ...knn, pair: true };
    // Kept: an 8 the network read as 3.
    const memory = personalMemory([{ label: 8, logits: [0, 0, 0, 5, 0, 0, 0, 0, 4, 0] }]);

    it('a drawing read as the digit the correction was against gains', () => {
      const readAs3 = [0, 0, 0, 5, 0, 0, 0, 0, 3.5, 0];
      expect(adaptLogits(readAs3, memory, 1, paired)[8]).toBeGreaterThan(3.5);
    });

    it('a drawing read as a third digit keeps the network logits', () => {
      // Cosine 0.77 with the kept 8, but read as 5.
      const readAs5 = [0, 0, 0, 4.5, 0, 5, 0, 0, 4, 0];
      expect(adaptLogits(readAs5, memory, 1, knn)[8]).toBeGreaterThan(4);
      expect(adaptLogits(readAs5, memory, 1, paired)).toEqual(readAs5);
    });
  });
});

describe('personalMemory', () => {
  it('keeps unit vectors, labels and per-digit means', () => {
    const memory = personalMemory([
      { label: 2, logits: along([0], 3, 0).map((v, i) => (i === 1 ? 4 : v)) },
      { label: 9, logits: along([1], 2) },
    ]);
    expect(memory.size).toBe(2);
    expect(Array.from(memory.labels)).toEqual([2, 9]);
    // What the network read: the largest logit.
    expect(Array.from(memory.reads)).toEqual([1, 1]);
    expect(Array.from(memory.vectors.subarray(0, 2))).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
    ]);
    expect(Array.from(memory.vectors.subarray(10, 12))).toEqual([0, 1]);
    expect(memory.means[2]).not.toBeNull();
    expect(memory.means[3]).toBeNull();
  });

  it('refuses a label that is not a digit, and anything but ten logits', () => {
    expect(() => personalMemory([{ label: 10, logits: along([0]) }])).toThrow(/not a digit/);
    expect(() => personalMemory([{ label: 1, logits: [1, 2, 3] }])).toThrow(/10 logits/);
  });
});
