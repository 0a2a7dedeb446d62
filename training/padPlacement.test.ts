import { describe, expect, it } from 'vitest';
import { boundsExtent, strokeBounds, type Stroke } from '../src/strokes';
import { fitOnPad, placeOnPad } from './padPlacement';

/** A box of the given size at (x, y), as one stroke around its edge. */
const box = (x: number, y: number, w: number, h: number): Stroke[] => [
  [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ],
];

describe('fitOnPad', () => {
  it('writes a short number 45% of the pad tall, centred', () => {
    const b = strokeBounds(fitOnPad(box(-3, 2, 2, 1), 936, 304))!;
    expect(b.maxY - b.minY).toBeCloseTo(0.45 * 304, 9);
    expect((b.minX + b.maxX) / 2).toBeCloseTo(936 / 2, 9);
    expect((b.minY + b.maxY) / 2).toBeCloseTo(304 / 2, 9);
  });

  it('writes a long number smaller, 90% of the pad wide', () => {
    const b = strokeBounds(fitOnPad(box(0, 0, 8, 1), 936, 304))!;
    expect(b.maxX - b.minX).toBeCloseTo(0.9 * 936, 9);
    expect(b.maxY - b.minY).toBeLessThan(0.45 * 304);
    expect((b.minX + b.maxX) / 2).toBeCloseTo(936 / 2, 9);
  });

  it('keeps the strokes and their points', () => {
    const strokes = [...box(0, 0, 1, 1), ...box(2, 0, 1, 1)];
    const placed = fitOnPad(strokes, 100, 100);
    expect(placed.map((s) => s.length)).toEqual([4, 4]);
  });
});

describe('placeOnPad', () => {
  const digit = { strokes: box(10, 20, 30, 60) };

  it("fills half to three quarters of the pad with the digit's longer side", () => {
    const fills = Array.from({ length: 40 }, (_, variant) => {
      return boundsExtent(strokeBounds(placeOnPad(digit, 400, variant))) / 400;
    });
    expect(Math.min(...fills)).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...fills)).toBeLessThan(0.75);
    // Varied per digit, not one size.
    expect(new Set(fills.map((f) => f.toFixed(3))).size).toBeGreaterThan(10);
  });

  it('centres it at most 5% off the centre', () => {
    for (let variant = 0; variant < 40; variant++) {
      const b = strokeBounds(placeOnPad(digit, 400, variant))!;
      expect(Math.abs((b.minX + b.maxX) / 2 - 200)).toBeLessThanOrEqual(0.05 * 400 + 1e-9);
      expect(Math.abs((b.minY + b.maxY) / 2 - 200)).toBeLessThanOrEqual(0.025 * 400 + 1e-9);
    }
  });

  it('places variant 0 at half the pad, 5% left of and 2.5% below the centre', () => {
    const b = strokeBounds(placeOnPad(digit, 400, 0))!;
    expect(b.maxY - b.minY).toBeCloseTo(200, 9);
    expect((b.minX + b.maxX) / 2).toBeCloseTo(180, 9);
    expect((b.minY + b.maxY) / 2).toBeCloseTo(210, 9);
  });

  it('does not blow a dot up to infinity', () => {
    const placed = placeOnPad({ strokes: [[[5, 5]]] }, 400, 1);
    expect(placed[0]!.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });
});
