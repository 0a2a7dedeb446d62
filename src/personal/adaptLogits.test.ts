import { describe, expect, it } from 'vitest';
import { adaptLogits, type AdaptParams } from './adaptLogits';
import { EMPTY_MEMORY, personalMemory } from './personalMemory';

const LOGITS = [1.5, -2, 0.25, 3, -0.5, 0, 2.75, -1, 0.5, 1];
/** A feature vector pointing along the axes in `on`, with zeros elsewhere (like ReLU output). */
const along = (on: number[], size = 8) =>
  Float32Array.from({ length: size }, (_, i) => (on.includes(i) ? 1 : 0));
const means: AdaptParams = { method: 'means', k: 1, threshold: 0.5, weight: 4 };
const knn: AdaptParams = { method: 'knn', k: 1, threshold: 0.5, weight: 4 };

describe('adaptLogits', () => {
  it('returns the logits unchanged, bit for bit, with nothing kept', () => {
    const logits = Float32Array.from(LOGITS.map((v) => v / 3));
    const adapted = adaptLogits(logits, along([1]), EMPTY_MEMORY);
    adapted.forEach((v, i) => expect(Object.is(v, logits[i])).toBe(true));
  });

  it('means: a drawing like a kept 4 gains the full weight on 4 alone', () => {
    const memory = personalMemory([{ label: 4, features: along([0, 2]) }]);
    // The same direction at another length: cosine similarity 1.
    const longer = Float32Array.from(along([0, 2]), (v) => v * 7);
    const adapted = adaptLogits(LOGITS, longer, memory, means);
    expect(adapted[4]).toBeCloseTo(LOGITS[4]! + 4, 5);
    adapted.forEach((v, i) => i !== 4 && expect(v).toBe(LOGITS[i]));
  });

  for (const params of [means, knn]) {
    it(`${params.method}: a drawing unlike anything kept keeps the network's logits`, () => {
      const memory = personalMemory([{ label: 4, features: along([0, 2]) }]);
      // Cosine 0.5 with the kept example: at the threshold, so no say.
      expect(adaptLogits(LOGITS, along([0, 3]), memory, params)).toEqual(LOGITS);
      expect(adaptLogits(LOGITS, along([5, 6]), memory, params)).toEqual(LOGITS);
    });
  }

  it('gains in proportion to how far the similarity is above the threshold', () => {
    const memory = personalMemory([{ label: 7, features: along([0, 1, 2, 3]) }]);
    // cos = 3 / sqrt(4 * 3) = 0.866: (0.866 - 0.5) / 0.5 of the weight.
    const adapted = adaptLogits(LOGITS, along([0, 1, 2]), memory, means);
    expect(adapted[7]! - LOGITS[7]!).toBeCloseTo(4 * ((3 / Math.sqrt(12) - 0.5) / 0.5), 5);
  });

  it('knn: only the k nearest kept examples vote', () => {
    const memory = personalMemory([
      { label: 1, features: along([0, 1, 2, 3]) },
      { label: 2, features: along([0, 1, 2]) },
      { label: 3, features: along([0, 1]) },
    ]);
    // Similarities 0.816 (1), 0.707 (2), 0.577 (3): all above 0.5, the third not among k.
    const adapted = adaptLogits(LOGITS, along([0, 1, 2, 3, 4, 5]), memory, { ...knn, k: 2 });
    expect(adapted[1]! - LOGITS[1]!).toBeCloseTo(4 * ((4 / Math.sqrt(24) - 0.5) / 0.5), 5);
    expect(adapted[2]! - LOGITS[2]!).toBeCloseTo(4 * ((3 / Math.sqrt(18) - 0.5) / 0.5), 5);
    expect(adapted[3]).toBe(LOGITS[3]);
  });

  it('means: a digit is judged by the mean of its kept examples', () => {
    const memory = personalMemory([
      { label: 5, features: along([0]) },
      { label: 5, features: along([1]) },
    ]);
    // Similar to the mean (0.707 + 0.707 -> cos 1) though at 0.707 to each.
    const adapted = adaptLogits(LOGITS, along([0, 1]), memory, means);
    expect(adapted[5]! - LOGITS[5]!).toBeCloseTo(4, 5);
  });

  it('knn: the same drawing again reads as the kept digit, whatever the margin', () => {
    const memory = personalMemory([{ label: 1, features: along([0, 2]) }]);
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const adapted = adaptLogits(confident, along([0, 2]), memory, knn);
    expect(adapted[1]).toBe(40 + 4);
    // Means have no such rule: the gain alone.
    expect(adaptLogits(confident, along([0, 2]), memory, means)[1]).toBeCloseTo(LOGITS[1]! + 4, 5);
  });

  it('refuses features of another size than the kept ones', () => {
    const memory = personalMemory([{ label: 1, features: along([0]) }]);
    expect(() => adaptLogits(LOGITS, along([0], 9), memory)).toThrow(/do not fit/);
  });
});

describe('personalMemory', () => {
  it('keeps unit vectors, labels and per-digit means', () => {
    const memory = personalMemory([
      { label: 2, features: Float32Array.of(3, 4) },
      { label: 9, features: Float32Array.of(0, 2) },
    ]);
    expect(memory.size).toBe(2);
    expect(Array.from(memory.labels)).toEqual([2, 9]);
    expect(Array.from(memory.vectors)).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
      0,
      1,
    ]);
    expect(memory.means[2]).not.toBeNull();
    expect(memory.means[3]).toBeNull();
  });

  it('refuses a label that is not a digit and mixed feature sizes', () => {
    expect(() => personalMemory([{ label: 10, features: along([0]) }])).toThrow(/not a digit/);
    expect(() =>
      personalMemory([
        { label: 1, features: along([0]) },
        { label: 1, features: along([0], 4) },
      ]),
    ).toThrow(/feature size/);
  });
});
