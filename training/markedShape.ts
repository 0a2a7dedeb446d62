import type { Point, Stroke } from '../src/strokes';
import type { ShapeMaker, Split } from './nonDigitShapes';
import type { Random } from './random';
import { arc, dot, lineThrough, pick, segment } from './strokeGeometry';

// Circles, squares and triangles with marks inside or through them, about the origin and unit
// sized like the other generated non-digits. A bare outline would be a 0, so there is always a
// mark, and the marks are big enough to survive the 28-pixel rendering.

const TAU = 2 * Math.PI;

/** Outlines that pass the start a little, as a pen closing a shape does. */
const OUTLINES: Record<string, (random: Random) => Stroke> = {
  circle: (random) => {
    const from = random.uniform(0, TAU);
    const sweep = (random.next() < 0.5 ? 1 : -1) * TAU * random.uniform(1, 1.06);
    return arc([0, 0], 1, random.uniform(0.7, 1), from, sweep);
  },
  square: (random) => {
    const [w, h] = [1, random.uniform(0.7, 1)];
    const corners: Point[] = [
      [-w, -h],
      [w, -h],
      [w, h],
      [-w, h],
    ];
    const start = random.int(4);
    return Array.from({ length: 5 }, (_, i) => corners[(start + i) % 4]!);
  },
  triangle: (random) => {
    const apex = random.uniform(-0.3, 0.3);
    return [
      [apex, -1],
      [1, 0.8],
      [-1, 0.8],
      [apex, -1],
    ];
  },
};

/**
 * Marks inside or through an outline. Never a single slash through a circle: that is how some
 * people write 0.
 */
const MARKS: Record<string, (random: Random) => Stroke[]> = {
  cross: (random) => {
    const r = random.uniform(0.35, 0.6);
    const a = random.next() < 0.5 ? Math.PI / 4 : 0;
    return [lineThrough([0, 0], a, 2 * r), lineThrough([0, 0], a + Math.PI / 2, 2 * r)];
  },
  // Like a die's face: two to five dots on a 3 x 3 grid, far enough apart to be seen.
  dots: (random) =>
    random
      .shuffle([...Array(9).keys()])
      .slice(0, 2 + random.int(4))
      .map((cell) => {
        const [col, row] = [(cell % 3) - 1, Math.floor(cell / 3) - 1];
        return dot(random, [0.45 * col + random.uniform(-0.08, 0.08), 0.45 * row], 0.1);
      }),
  face: (random) => [
    dot(random, [-0.35, -0.3], 0.08),
    dot(random, [0.35, -0.3], 0.08),
    arc([0, 0.1], 0.45, random.uniform(0.2, 0.4), 0.2, Math.PI - 0.4),
  ],
  diagonals: () => [segment([-1, -1], [1, 1]), segment([1, -1], [-1, 1])],
  crosshair: (random) => {
    const r = random.uniform(1.2, 1.5);
    return [lineThrough([0, 0], 0, 2 * r), lineThrough([0, 0], Math.PI / 2, 2 * r)];
  },
  bar: (random) => [lineThrough([0, random.uniform(-0.15, 0.15)], 0, random.uniform(1.8, 2.6))],
  bullseye: (random) => {
    // Well inside: a second loop close to the first is a 0 gone over twice.
    const r = random.uniform(0.15, 0.35);
    return [arc([0, 0], r, r, random.uniform(0, TAU), TAU)];
  },
  exclamation: () => [
    segment([0, -0.4], [0, 0.25]),
    [
      [0, 0.45],
      [0.02, 0.47],
    ],
  ],
};

const MARKED_SHAPES: Record<Split, readonly (readonly [string, string])[]> = {
  train: [
    ['circle', 'cross'],
    ['circle', 'dots'],
    ['circle', 'face'],
    ['square', 'diagonals'],
    ['square', 'cross'],
    ['square', 'dots'],
  ],
  heldOut: [
    ['circle', 'crosshair'],
    ['circle', 'bar'],
    ['circle', 'bullseye'],
    ['circle', 'face'],
    ['square', 'diagonals'],
    ['triangle', 'exclamation'],
    ['triangle', 'dots'],
  ],
};

/** A circle, square or triangle with marks inside or through it (never a bare outline: a 0). */
export const markedShape: ShapeMaker = (random, split) => {
  const [outline, mark] = pick(random, MARKED_SHAPES[split]);
  return [OUTLINES[outline]!(random), ...MARKS[mark]!(random)];
};
