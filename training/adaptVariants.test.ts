import { describe, expect, it } from 'vitest';
import { adaptLogits } from '../src/personal/adaptLogits';
import { personalMemory } from '../src/personal/personalMemory';
import {
  adaptAlternative,
  adaptVariant,
  isPageRule,
  PAGE_VARIANT,
  variantMemory,
  type AdaptVariant,
} from './adaptVariants';
import { Random } from './random';

const LOGITS = [1.5, -2, 0.25, 3, -0.5, 0, 2.75, -1, 0.5, 1];
/** Ten logits, `high` at the digits in `on` and `low` elsewhere. */
const along = (on: number[], high = 1, low = 0) =>
  Array.from({ length: 10 }, (_, i) => (on.includes(i) ? high : low));
const means: AdaptVariant = { method: 'means', k: 1, threshold: 0.5, weight: 4 };
const knn: AdaptVariant = { method: 'knn', k: 1, threshold: 0.5, weight: 4 };

describe('adaptVariant', () => {
  it("runs the page's own adaptLogits for the page's rule, and the alternatives otherwise", () => {
    expect(isPageRule(PAGE_VARIANT)).toBe(true);
    expect(isPageRule({ ...PAGE_VARIANT, pair: false })).toBe(true);
    for (const other of [means, knn, { ...PAGE_VARIANT, k: 2 }, { ...PAGE_VARIANT, pair: true }]) {
      expect(isPageRule(other)).toBe(false);
    }
  });

  it("the general rule with the page's parameters is the page's rule, bit for bit", () => {
    const random = new Random(5);
    const logits = () => Array.from({ length: 10 }, () => random.uniform(-4, 6));
    for (let trial = 0; trial < 200; trial++) {
      const examples = Array.from({ length: 1 + random.int(12) }, () => ({
        label: random.int(10),
        logits: logits(),
      }));
      // Half the drawings are a kept one again, exercising the same-drawing rule.
      const drawing = trial % 2 ? logits() : examples[random.int(examples.length)]!.logits;
      const temperature = random.uniform(0.8, 1.6);
      const page = adaptLogits(drawing, personalMemory(examples), temperature);
      const memory = variantMemory(examples);
      expect(adaptAlternative(drawing, memory, temperature, PAGE_VARIANT)).toEqual(page);
      expect(adaptVariant(drawing, memory, temperature, PAGE_VARIANT)).toEqual(page);
    }
  });

  it('means: logits pointing like a kept 4 gain the full weight on 4 alone', () => {
    const memory = variantMemory([{ label: 4, logits: along([0, 2]) }]);
    // The same direction at another length: cosine similarity 1.
    const longer = along([0, 2], 7);
    const adapted = adaptVariant(longer, memory, 1, means);
    expect(adapted[4]).toBeCloseTo(4, 5);
    adapted.forEach((v, i) => i !== 4 && expect(v).toBe(longer[i]));
  });

  it('means: a digit is judged by the mean of its kept examples', () => {
    const memory = variantMemory([
      { label: 5, logits: along([0]) },
      { label: 5, logits: along([1]) },
    ]);
    // Similar to the mean (0.707 + 0.707 -> cos 1) though at 0.707 to each.
    expect(adaptVariant(along([0, 1]), memory, 1, means)[5]).toBeCloseTo(4, 5);
  });

  it('means: no same-drawing rule, the gain alone', () => {
    const confident = LOGITS.map((v, i) => (i === 3 ? 40 : v));
    const memory = variantMemory([{ label: 1, logits: confident }]);
    expect(adaptVariant(confident, memory, 1, knn)[1]).toBe(40 + 4);
    expect(adaptVariant(confident, memory, 1, means)[1]).toBeCloseTo(LOGITS[1]! + 4, 5);
  });

  it('means: a sure drawing keeps the network logits', () => {
    const memory = variantMemory([{ label: 4, logits: along([0, 2]) }]);
    const sure = along([0], 7); // margin 7, cosine 0.707 with the kept 4
    expect(adaptVariant(sure, memory, 1, means)[4]).toBeGreaterThan(1);
    expect(adaptVariant(sure, memory, 1, { ...means, margin: 3 })).toEqual(sure);
  });

  it('knn: the k nearest kept examples vote, each by its similarity', () => {
    const memory = variantMemory([
      { label: 7, logits: along([0, 1, 2, 3]) },
      { label: 8, logits: along([0, 1, 2]) },
      { label: 9, logits: along([0, 1]) },
    ]);
    // Similarities 0.816 (7), 0.707 (8), 0.577 (9): all above 0.5, the third not among k.
    const adapted = adaptVariant(along([0, 1, 2, 3, 4, 5]), memory, 1, { ...knn, k: 2 });
    expect(adapted[7]).toBeCloseTo(4 * ((4 / Math.sqrt(24) - 0.5) / 0.5), 5);
    expect(adapted[8]).toBeCloseTo(4 * ((3 / Math.sqrt(18) - 0.5) / 0.5), 5);
    expect(adapted[9]).toBe(0);
  });

  it('knn without a margin: a sure drawing adapts too', () => {
    const memory = variantMemory([{ label: 7, logits: [0, 5, 0, 0, 0, 0, 0, 4, 0, 0] }]);
    const sure = [0, 6, 0, 0, 0, 0, 0, 3, 0, 0]; // margin 3, cosine 0.98 with the kept one
    expect(adaptVariant(sure, memory, 1, knn)[7]).toBeGreaterThan(3);
    expect(adaptVariant(sure, memory, 1, { ...knn, margin: 3 })).toEqual(sure);
  });

  describe('pair: a correction helps only the reading it was about', () => {
    const paired: AdaptVariant = { ...knn, pair: true };
    // Kept: an 8 the network read as 3.
    const memory = variantMemory([{ label: 8, logits: [0, 0, 0, 5, 0, 0, 0, 0, 4, 0] }]);

    it('a drawing read as the digit the correction was against gains', () => {
      const readAs3 = [0, 0, 0, 5, 0, 0, 0, 0, 3.5, 0];
      expect(adaptVariant(readAs3, memory, 1, paired)[8]).toBeGreaterThan(3.5);
    });

    it('a drawing read as a third digit keeps the network logits', () => {
      // Cosine 0.77 with the kept 8, but read as 5.
      const readAs5 = [0, 0, 0, 4.5, 0, 5, 0, 0, 4, 0];
      expect(adaptVariant(readAs5, memory, 1, knn)[8]).toBeGreaterThan(4);
      expect(adaptVariant(readAs5, memory, 1, paired)).toEqual(readAs5);
    });
  });
});

describe('variantMemory', () => {
  it("adds each example's reading and per-digit means to the page's memory", () => {
    const examples = [
      { label: 2, logits: along([0], 3, 0).map((v, i) => (i === 1 ? 4 : v)) },
      { label: 9, logits: along([1], 2) },
      { label: 2, logits: along([0], 1) },
    ];
    const memory = variantMemory(examples);
    const page = personalMemory(examples);
    expect(memory.labels).toEqual(page.labels);
    expect(memory.vectors).toEqual(page.vectors);
    // What the network read: the largest logit.
    expect(Array.from(memory.reads)).toEqual([1, 1, 0]);
    // (0.6, 0.8) + (1, 0) = (1.6, 0.8), scaled to length 1.
    expect(Array.from(memory.means[2]!.subarray(0, 2))).toEqual([
      expect.closeTo(1.6 / Math.hypot(1.6, 0.8), 6),
      expect.closeTo(0.8 / Math.hypot(1.6, 0.8), 6),
    ]);
    expect(memory.means[9]).not.toBeNull();
    expect(memory.means[3]).toBeNull();
    expect(variantMemory([]).size).toBe(0);
  });
});
