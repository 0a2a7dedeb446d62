import { describe, expect, it } from 'vitest';
import type { Stroke } from '../strokes';
import { groupStrokes, lastWrittenGroup } from './groupStrokes';

// Digits as strokes in a 0..1 cell (y downwards), placed on the pad at x with a given height.
const shapes: Record<string, Stroke[]> = {
  one: [
    [
      [0.5, 0],
      [0.5, 1],
    ],
  ],
  // An open 4 in two strokes: the L (down, then across), then the upright through it.
  four: [
    [
      [0.35, 0],
      [0.05, 0.65],
      [0.75, 0.65],
    ],
    [
      [0.6, 0.2],
      [0.6, 1],
    ],
  ],
  // A 5: the body first, then the flag across its top.
  five: [
    [
      [0.15, 0],
      [0.12, 0.45],
      [0.6, 0.5],
      [0.7, 0.8],
      [0.4, 1],
      [0.05, 0.9],
    ],
    [
      [0.15, 0],
      [0.75, 0],
    ],
  ],
  // A 7 with a bar across its stem, in three strokes.
  seven: [
    [
      [0, 0],
      [0.7, 0],
      [0.3, 1],
    ],
    [
      [0.25, 0.5],
      [0.7, 0.5],
    ],
  ],
  zero: [
    [
      [0.35, 0],
      [0.05, 0.5],
      [0.35, 1],
      [0.7, 0.5],
      [0.35, 0],
    ],
  ],
  two: [
    [
      [0.05, 0.2],
      [0.35, 0],
      [0.7, 0.25],
      [0.05, 1],
      [0.75, 1],
    ],
  ],
};

/** A digit's strokes placed at left x, top y, height h (its cell is h wide). */
function place(name: string, x: number, y = 0.2, h = 0.6): Stroke[] {
  return shapes[name]!.map((s) => s.map(([px, py]) => [x + px * h, y + py * h] as const));
}

/** The strokes of each group, as indices, left to right. */
const indices = (strokes: Stroke[]) => groupStrokes(strokes).groups.map((g) => g.strokes);

describe('groupStrokes', () => {
  it('keeps one digit, in one or several strokes, as one group', () => {
    for (const name of Object.keys(shapes)) {
      const strokes = place(name, 0.2);
      expect(indices(strokes), name).toEqual([strokes.map((_, i) => i)]);
    }
  });

  it('splits digits written side by side, left to right whatever the order written', () => {
    // 2, 0, 2, 6-ish: written right to left here.
    const strokes = [
      ...place('zero', 2.2),
      ...place('two', 1.5),
      ...place('zero', 0.8),
      ...place('two', 0.1),
    ];
    expect(indices(strokes)).toEqual([[3], [2], [1], [0]]);
  });

  it('keeps two-stroke 4, 5 and 7 together beside their neighbours', () => {
    const strokes = [...place('four', 0.1), ...place('five', 0.7), ...place('seven', 1.3)];
    expect(indices(strokes)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
  });

  it("remembers a merged group's last merge: its two parts, left to right", () => {
    const { groups } = groupStrokes([...place('one', 0.1), ...place('four', 0.7)]);
    expect(groups.map((g) => g.parts?.map((p) => p.strokes))).toEqual([undefined, [[1], [2]]]);
    // The upright written first: still the L, then the upright.
    const [l, upright] = place('four', 0.1);
    expect(groupStrokes([upright!, l!]).groups[0]!.parts!.map((p) => p.strokes)).toEqual([
      [1],
      [0],
    ]);
  });

  it('joins a stroke written later to the digit it belongs to', () => {
    const [l, upright] = place('four', 0.1);
    const one = place('one', 0.65);
    // The 4's L, then the 1 next to it, then the 4's upright.
    expect(indices([l!, ...one, upright!])).toEqual([[0, 2], [1]]);
  });

  it('keeps touching and slightly overlapping neighbours apart', () => {
    // Cells 0.6 wide (h = 0.6); the 0 spans 0.05..0.7 of its cell, so these overlap the 2.
    for (const gap of [0.42, 0.38, 0.32]) {
      const strokes = [...place('two', 0.1), ...place('zero', 0.1 + gap)];
      expect(indices(strokes), `gap ${gap}`).toEqual([[0], [1]]);
    }
  });

  it('keeps a 1 apart from the digit it stands close to', () => {
    const strokes = [...place('seven', 0.1), ...place('one', 0.4)];
    expect(indices(strokes)).toEqual([[0, 1], [2]]);
  });

  it('does not let a long stroke swallow its neighbours', () => {
    const strokes: Stroke[] = [
      ...place('one', 0.1),
      ...place('one', 0.5),
      ...place('one', 0.9),
      // An underline across all three.
      [
        [0.1, 0.85],
        [1.4, 0.85],
      ],
    ];
    const groups = indices(strokes);
    expect(groups.flat().sort()).toEqual([0, 1, 2, 3]);
    expect(groups.length).toBeGreaterThanOrEqual(3);
  });

  it('works at any size: the rule scales with the ink', () => {
    const small = [...place('four', 0.1, 0.1, 0.1), ...place('five', 0.2, 0.1, 0.1)];
    expect(indices(small)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('returns nothing for nothing, and ignores empty strokes', () => {
    expect(groupStrokes([]).groups).toEqual([]);
    expect(indices([[] as Stroke, ...place('one', 0.2)])).toEqual([[1]]);
  });

  it('names the group written last', () => {
    const strokes = [...place('two', 1.5), ...place('zero', 0.1)];
    const { groups } = groupStrokes(strokes);
    expect(groups.map((g) => g.strokes)).toEqual([[1], [0]]);
    expect(lastWrittenGroup(groups)).toBe(0);
    expect(lastWrittenGroup([])).toBe(-1);
  });
});
