import { describe, expect, it } from 'vitest';
import { strokeBounds, type Stroke } from '../src/strokes';
import { composeNumber, composeNumbers, NUMBER_OPTIONS } from './composeNumbers';
import { Random } from './random';
import { heldOutDigits, type StrokeDigit } from './strokeDigits';

const held = heldOutDigits();

/** A digit of `strokes` strokes, each a vertical bar 10 units tall (a writer's own units). */
function bars(label: number, strokes: number, writer = 'w'): StrokeDigit {
  const s: Stroke[] = Array.from({ length: strokes }, (_, i) => [
    [100 + 4 * i, 20],
    [100 + 4 * i, 30],
  ]);
  return { label, writer, index: label, strokes: s };
}

describe('composeNumbers', () => {
  it('composes the same numbers from the same seed, others from another', () => {
    expect(composeNumbers(held, 20, 2026)).toEqual(composeNumbers(held, 20, 2026));
    expect(composeNumbers(held, 20, 2027)).not.toEqual(composeNumbers(held, 20, 2026));
  });

  it('keeps the stream the bench and the shipped join model were made with', () => {
    // Changing the order of random draws changes every figure in docs/ and joinModel.json.
    const [first, second] = composeNumbers(held, 2, 2026);
    expect([first!.value, first!.writer, first!.groups]).toEqual([
      '3353752',
      'tra-10',
      [[0], [1], [2, 3], [4], [5, 8], [6, 7], [9]],
    ]);
    expect(first!.strokes[0]![0]).toEqual([0.23076923076923062, -0.04945054945054972]);
    expect(second!.value).toBe('974415');
  });

  it("writes each number with one writer's digits, each digit at most once", () => {
    const numbers = composeNumbers(held, 100, 7);
    expect(numbers).toHaveLength(100);
    const used = new Set<string>();
    for (const n of numbers) {
      expect(n.digits.every((d) => d.writer === n.writer)).toBe(true);
      expect(n.digits.length).toBeGreaterThanOrEqual(NUMBER_OPTIONS.minDigits);
      expect(n.digits.length).toBeLessThanOrEqual(NUMBER_OPTIONS.maxDigits);
      expect(n.value).toBe(n.digits.map((d) => d.label).join(''));
      for (const d of n.digits) {
        const key = `${d.writer}#${d.index}`;
        expect(used.has(key)).toBe(false);
        used.add(key);
      }
    }
  });

  it('stops when every writer has too few digits left', () => {
    const few = [bars(1, 1, 'a'), bars(2, 1, 'a'), bars(3, 1, 'b')];
    const numbers = composeNumbers(few, 10, 1, { ...NUMBER_OPTIONS, maxDigits: 2 });
    expect(numbers.map((n) => n.value)).toEqual([expect.stringMatching(/^(12|21)$/)]);
  });
});

describe('composeNumber', () => {
  const digits = [bars(1, 1), bars(4, 2), bars(7, 2), bars(0, 1)];

  it('groups every stroke, in writing order, into exactly one digit', () => {
    for (let seed = 0; seed < 20; seed++) {
      const n = composeNumber(digits, new Random(seed));
      const all = n.groups.flat().sort((a, b) => a - b);
      expect(all).toEqual([...Array(6).keys()]);
      expect(n.groups.map((g) => g.length)).toEqual([1, 2, 2, 1]);
      // Each group's strokes are its digit's, placed.
      n.groups.forEach((g, i) => {
        const height = (s: Stroke) => strokeBounds([s])!.maxY - strokeBounds([s])!.minY;
        for (const s of g) expect(height(n.strokes[s]!)).toBeCloseTo(1, 10);
        expect(g).toHaveLength(digits[i]!.strokes.length);
      });
    }
  });

  it("writes a late stroke after the next digit's strokes", () => {
    const n = composeNumber(digits, new Random(1), { ...NUMBER_OPTIONS, lateStroke: 1 });
    // The 4's second stroke after the 7's first (the 7's own late stroke after the 0).
    expect(n.groups).toEqual([[0], [1, 3], [2, 5], [4]]);
    const none = composeNumber(digits, new Random(1), { ...NUMBER_OPTIONS, lateStroke: 0 });
    expect(none.groups).toEqual([[0], [1, 2], [3, 4], [5]]);
  });

  it("scales to the writer's digit height and writes left to right with gaps", () => {
    const n = composeNumber(digits, new Random(3), { ...NUMBER_OPTIONS, touching: 0 });
    const boxes = n.groups.map((g) => strokeBounds(g.map((s) => n.strokes[s]!))!);
    boxes.forEach((box, i) => {
      expect(box.maxY - box.minY).toBeCloseTo(1, 10);
      if (i > 0) {
        const gap = box.minX - boxes[i - 1]!.maxX;
        expect(gap).toBeGreaterThanOrEqual(0.08);
        expect(gap).toBeLessThan(0.4);
      }
    });
  });
});
