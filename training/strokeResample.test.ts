import { describe, expect, it } from 'vitest';
import type { Point, Stroke } from '../src/strokes';
import { Random } from './random';
import { resampleAtRandomSpeed, resampleAtSpacing } from './strokeResample';

describe('resampleAtSpacing', () => {
  it('samples every `spacing` and keeps the end', () => {
    expect(
      resampleAtSpacing(
        [
          [0, 0],
          [10, 0],
        ],
        3,
      ),
    ).toEqual([
      [0, 0],
      [3, 0],
      [6, 0],
      [9, 0],
      [10, 0],
    ]);
  });

  it('keeps a sharp corner and restarts the count there', () => {
    const corner: Stroke = [
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    expect(resampleAtSpacing(corner, 4)).toEqual([
      [0, 0],
      [4, 0],
      [8, 0],
      [10, 0],
      [10, 4],
      [10, 8],
      [10, 10],
    ]);
  });

  it('walks on through a gentle bend', () => {
    const bend: Stroke = [
      [0, 0],
      [4, 0],
      [8, 3],
    ];
    const expected = [0, 0, 3, 0, 4 + 0.8 * 2, 0.6 * 2, 8, 3];
    expect(resampleAtSpacing(bend, 3).flat()).toEqual(expected.map((v) => expect.closeTo(v, 9)));
  });

  it('leaves a dot and a zero spacing alone', () => {
    expect(resampleAtSpacing([[1, 2]], 3)).toEqual([[1, 2]]);
    const line: Stroke = [
      [0, 0],
      [10, 0],
    ];
    expect(resampleAtSpacing(line, 0)).toBe(line);
  });
});

describe('resampleAtRandomSpeed', () => {
  const line: Point[] = [
    [0, 0],
    [100, 0],
  ];
  const range = { minSpacing: 0.1, maxSpacing: 0.1 };

  it('steps the base spacing, give or take 40%, and keeps both ends', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = resampleAtRandomSpeed(line, new Random(seed), range, 100);
      expect(out[0]).toEqual([0, 0]);
      expect(out[out.length - 1]).toEqual([100, 0]);
      const steps = out.slice(1).map(([x], i) => x - out[i]![0]);
      // The last step may be shorter (the pen lifts) or up to a quarter step longer.
      for (const step of steps.slice(0, -1)) {
        expect(step).toBeGreaterThanOrEqual(6);
        expect(step).toBeLessThanOrEqual(14);
      }
      expect(steps.at(-1)!).toBeLessThanOrEqual(14 + 2.5);
    }
  });

  it('leaves a single point and a zero spacing alone', () => {
    expect(resampleAtRandomSpeed([[1, 2]], new Random(1), range, 100)).toEqual([[1, 2]]);
    const none = { minSpacing: 0, maxSpacing: 0 };
    expect(resampleAtRandomSpeed(line, new Random(1), none, 100)).toBe(line);
  });
});
