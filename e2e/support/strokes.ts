// Drawings the specs, the bench and the scripts share, in pad units (0..1 of the pad's side,
// y downwards): one copy of each shape, so every place draws the same digit.
import type { Stroke } from '../../src/strokes';

export type Drawing = readonly Stroke[];

/** A "1": one vertical line down the middle. */
export const ONE: Drawing = [
  [
    [0.5, 0.2],
    [0.5, 0.8],
  ],
];

/** A "7" in one stroke: the top bar, then the diagonal. */
export const SEVEN: Drawing = [
  [
    [0.3, 0.25],
    [0.7, 0.25],
    [0.45, 0.8],
  ],
];

/** The same 7 in two strokes, the bar and then the diagonal, for undo and redo. */
export const SEVEN_IN_TWO_STROKES: Drawing = [
  [
    [0.3, 0.25],
    [0.7, 0.25],
  ],
  [
    [0.7, 0.25],
    [0.45, 0.8],
  ],
];

/** The 7 drawn small in the pad's top-left corner: where the naive preprocessing fails. */
export const SMALL_SEVEN_IN_CORNER: Drawing = SEVEN.map((stroke) =>
  stroke.map(([x, y]) => [0.05 + x * 0.3, 0.05 + y * 0.3] as const),
);

/** A short bar: one more stroke, where only the count of strokes matters. */
export const DASH: Drawing = [
  [
    [0.3, 0.3],
    [0.6, 0.3],
  ],
];

/** A wavy downstroke of 31 points: many mouse moves, so many live predictions while drawn. */
export const WAVY_LINE: Drawing = [
  Array.from({ length: 31 }, (_, k) => {
    const t = k / 30;
    return [0.5 + 0.15 * Math.sin(t * 6), 0.2 + 0.6 * t] as const;
  }),
];
