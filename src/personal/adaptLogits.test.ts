import { describe, expect, it } from 'vitest';
import { adaptLogits, type AdaptParams } from './adaptLogits';
import { EMPTY_MEMORY, personalMemory } from './personalMemory';

const LOGITS = [1.5, -2, 0.25, 3, -0.5, 0, 2.75, -1, 0.5, 1];
/** Ten logits, `high` at the digits in `on` and `low` elsewhere. */
const along = (on: number[], high = 1, low = 0) =>
  Array.from({ length: 10 }, (_, i) => (on.includes(i) ? high : low));
/** No margin gate in effect: every drawing adapts. */
const ungated: AdaptParams = { threshold: 0.5, weight: 4, margin: Infinity };

describe('adaptLogits', () => {
  it('returns the logits unchanged, bit for bit, with nothing kept', () => {
    const logits = Float32Array.from(LOGITS.map((v) => v / 3));
    const adapted = adaptLogits(logits, EMPTY_MEMORY, 1);
    adapted.forEach((v, i) => expect(Object.is(v, logits[i])).toBe(true));
  });

  it("keeps the network's logits for a drawing unlike anything kept", () => {
    const memory = personalMemory([{ label: 4, logits: along([0, 2]) }]);
    // Cosine 0.5 with the kept example: at the threshold, so no say.
    expect(adaptLogits(along([0, 3]), memory, 1, ungated)).toEqual(along([0, 3]));
    expect(adaptLogits(along([5, 6]), memory, 1, ungated)).toEqual(along([5, 6]));
  });

  it('gains in proportion to how far the similarity is above the threshold', () => {
    const memory = personalMemory([{ label: 7, logits: along([0, 1, 2, 3]) }]);
    // cos = 3 / sqrt(4 * 3) = 0.866: (0.866 - 0.5) / 0.5 of the weight.
    const adapted = adaptLogits(along([0, 1, 2]), memory, 1, ungated);
    expect(adapted[7]).toBeCloseTo(4 * ((3 / Math.sqrt(12) - 0.5) / 0.5), 5);
  });

  it('only the nearest kept example votes', () => {
    const memory = personalMemory([
      { label: 8, logits: along([0, 1, 2]) },
      { label: 7, logits: along([0, 1, 2, 3]) },
      { label: 9, logits: along([0, 1]) },
    ]);
    // Similarities 0.707 (8), 0.816 (7), 0.577 (9): all above 0.5, only 7 nearest.
    const adapted = adaptLogits(along([0, 1, 2, 3, 4, 5]), memory, 1, ungated);
    expect(adapted[7]).toBeCloseTo(4 * ((4 / Math.sqrt(24) - 0.5) / 0.5), 5);
    expect(adapted[8]).toBe(0);
    expect(adapted[9]).toBe(0);
  });

  it('of equally near kept examples, the oldest votes', () => {
    const memory = personalMemory([
      { label: 2, logits: along([0, 1]) },
      { label: 5, logits: along([0, 1], 3) },
    ]);
    const adapted = adaptLogits(along([0, 1]), memory, 1, ungated);
    expect(adapted[2]).toBeGreaterThan(4);
    expect(adapted[5]).toBe(0);
  });

  it('the same drawing again reads as the kept digit, whatever the margin', () => {
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const memory = personalMemory([{ label: 1, logits: confident }]);
    expect(adaptLogits(confident, memory, 1, ungated)[1]).toBe(40 + 4);
  });

  it('a drawing merely close to a kept one gets the gain, not the forced reading', () => {
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const memory = personalMemory([{ label: 1, logits: confident }]);
    const near = confident.map((v, i) => (i === 6 ? v + 2 : v));
    const adapted = adaptLogits(near, memory, 1, ungated);
    expect(adapted[3]).toBe(40);
    expect(adapted[1]).toBeLessThan(40);
    expect(adapted[1]).toBeGreaterThan(LOGITS[1]! + 3.9);
  });

  it('weight and margin are in calibrated logits: raw, they scale with the temperature', () => {
    const gated: AdaptParams = { ...ungated, margin: 3 };
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
    const gated: AdaptParams = { ...ungated, margin: 3 };
    // Kept: a 7 the network read as 1 (logits along 1 and 7, 1 on top).
    const memory = personalMemory([{ label: 7, logits: [0, 5, 0, 0, 0, 0, 0, 4, 0, 0] }]);

    it('a drawing read with a margin below it gains as without the gate', () => {
      const unsure = [0, 5, 0, 0, 0, 0, 0, 3, 0, 0]; // margin 2
      expect(adaptLogits(unsure, memory, 1, gated)).toEqual(
        adaptLogits(unsure, memory, 1, ungated),
      );
      expect(adaptLogits(unsure, memory, 1, gated)[7]).toBeGreaterThan(3);
    });

    it('a drawing read with a margin at or above it keeps the network logits', () => {
      const sure = [0, 6, 0, 0, 0, 0, 0, 3, 0, 0]; // margin 3, cosine 0.98 with the kept one
      expect(adaptLogits(sure, memory, 1, ungated)[7]).toBeGreaterThan(3);
      expect(adaptLogits(sure, memory, 1, gated)).toEqual(sure);
    });

    it('the same drawing again still reads as corrected, however sure the network is', () => {
      const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
      const kept = personalMemory([{ label: 1, logits: confident }]);
      expect(adaptLogits(confident, kept, 1, gated)[1]).toBe(40 + 4);
    });
  });
});

describe('personalMemory', () => {
  it('keeps unit vectors and labels, oldest first', () => {
    const memory = personalMemory([
      { label: 2, logits: along([0], 3, 0).map((v, i) => (i === 1 ? 4 : v)) },
      { label: 9, logits: along([1], 2) },
    ]);
    expect(memory.size).toBe(2);
    expect(Array.from(memory.labels)).toEqual([2, 9]);
    expect(Array.from(memory.vectors.subarray(0, 2))).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
    ]);
    expect(Array.from(memory.vectors.subarray(10, 12))).toEqual([0, 1]);
  });

  it('refuses a label that is not a digit, and anything but ten logits', () => {
    expect(() => personalMemory([{ label: 10, logits: along([0]) }])).toThrow(/not a digit/);
    expect(() => personalMemory([{ label: 1, logits: [1, 2, 3] }])).toThrow(/10 logits/);
  });
});
