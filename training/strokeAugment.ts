import { boundsExtent, strokeBounds, type Point, type Stroke } from '../src/strokes';
import type { Random } from './random';
import { resampleAtRandomSpeed, resampleAtSpacing, type SpacingRange } from './strokeResample';
import { warpAboutCentre, warpAboutOrigin, type Warp } from './strokeWarp';

// Stroke augmentation, for digits and non-digits alike: pen strokes are perturbed before they
// are rasterised, so one drawing turns into plausible drawings of other hands.
// - augmentStrokes: a recorded digit as another writer might have drawn it, same size and place.
// - asPenDrawing: a clean generated drawing (a glyph, a shape) as a pen would record it, at a
//   random size and place (the app's preprocessing undoes size and place).
//
// Slant convention (one for both): y points down, and a positive slant leans the drawing's top
// to the right, x' = x - slant * y (strokeWarp.ts). Every slant range is symmetric.

export interface StrokeAugmentOptions {
  /** Largest rotation about the drawing's centre, radians either way. */
  maxRotation: number;
  /** Largest slant either way (x shift per unit of height). */
  maxSlant: number;
  /** Range of width:height stretch, sampled log-uniformly so narrower and wider are balanced. */
  minAspect: number;
  maxAspect: number;
  /** Largest shift of each stroke after the first, per axis (multi-stroke digits only). */
  strokeOffset: number;
  /** Largest independent shift of each point, per axis. */
  pointJitter: number;
  /**
   * Arc-length spacing of a stroke's resampled points: one base spacing per stroke (the pen's
   * speed) varied per step. maxSpacing 0 keeps the points as recorded.
   */
  resample: SpacingRange;
  /** Range of the pen width for strokesToInput, in input pixels (see randomPenWidth). */
  minPenWidth: number;
  maxPenWidth: number;
}

/** Moderate: every digit stays clearly the same digit (checked by eye with strokeAugmentPreview). */
export const DEFAULT_STROKE_AUGMENT: StrokeAugmentOptions = {
  maxRotation: (12 * Math.PI) / 180,
  maxSlant: 0.35,
  minAspect: 0.75,
  maxAspect: 1.25,
  strokeOffset: 0.04,
  pointJitter: 0.01,
  // The recorded digits are sampled every 2-11% of their size (10th-90th percentile).
  resample: { minSpacing: 0.02, maxSpacing: 0.08 },
  // What training used for stroke digits before stroke augmentation.
  minPenWidth: 1.4,
  maxPenWidth: 3.2,
};

export interface PenDrawingOptions {
  /** Largest rotation about the origin, radians either way. */
  maxRotation: number;
  /** Largest slant either way (x shift per unit of height). */
  maxSlant: number;
  /** x is stretched by a factor in [1 / maxAspect, maxAspect]. */
  maxAspect: number;
  /** Pen sampling distance as fractions of the drawing's size; maxSpacing 0 keeps the points. */
  resample: SpacingRange;
  /** Largest wobble of a point as a fraction of the drawing's size. */
  maxWobble: number;
  /** Size of the finished drawing's longer side, in drawing units. */
  minSize: number;
  maxSize: number;
}

export const DEFAULT_PEN_DRAWING: PenDrawingOptions = {
  maxRotation: (12 * Math.PI) / 180,
  maxSlant: 0.3,
  maxAspect: 1.25,
  resample: { minSpacing: 0.02, maxSpacing: 0.08 },
  maxWobble: 0.012,
  minSize: 60,
  maxSize: 400,
};

/**
 * A randomly perturbed copy of a recorded drawing, with as many strokes as the input and each
 * stroke's endpoints kept up to jitter and the warp. Pure given `random`; never mutates the
 * input. A drawing without extent, or one the options would collapse, comes back unchanged.
 */
export function augmentStrokes(
  strokes: readonly Stroke[],
  random: Random,
  options: StrokeAugmentOptions = DEFAULT_STROKE_AUGMENT,
): Stroke[] {
  const bounds = strokeBounds(strokes);
  const size = boundsExtent(bounds);
  if (!bounds || !(size > 0)) return copy(strokes);
  const centre: Point = [(bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2];

  // Drawn in a fixed order so a seed always gives the same digit.
  const warp = warpAboutCentre(randomDigitWarp(random, options), centre);
  const finite = strokes.map((s) => s.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  const first = finite.findIndex((s) => s.length > 0);
  const multiStroke = finite.filter((s) => s.length > 0).length > 1;
  const out = finite.map((points, i) => {
    if (points.length === 0) return [];
    // The first stroke anchors the digit; later ones (a 4's upright, a 5's bar) land a bit apart.
    const [ox, oy] =
      multiStroke && i !== first
        ? [spread(random, options.strokeOffset) * size, spread(random, options.strokeOffset) * size]
        : [0, 0];
    const sampled = resampleAtRandomSpeed(points, random, options.resample, size);
    return sampled.map(([x, y]) => {
      // Independent wobble per point: a less steady hand.
      const jx = spread(random, options.pointJitter) * size;
      const jy = spread(random, options.pointJitter) * size;
      return warp([x + ox + jx - centre[0], y + oy + jy - centre[1]]);
    });
  });
  return isDrawable(out) ? out : copy(strokes);
}

/** A pen width for strokesToInput: thinner and bolder strokes than the app's. */
export function randomPenWidth(
  random: Random,
  options: StrokeAugmentOptions = DEFAULT_STROKE_AUGMENT,
): number {
  return random.uniform(options.minPenWidth, options.maxPenWidth);
}

/**
 * A clean drawing as a pen records it: slightly rotated, slanted and stretched, sampled every
 * few percent of its size, with a wobble, at a random size and position. Empty in, empty out.
 */
export function asPenDrawing(
  strokes: readonly Stroke[],
  random: Random,
  options: PenDrawingOptions = DEFAULT_PEN_DRAWING,
): Stroke[] {
  const warp = warpAboutOrigin(randomPenWarp(random, options));
  const warped = strokes.map((s) => s.map(warp));
  const bounds = strokeBounds(warped);
  if (!bounds) return [];
  const extent = boundsExtent(bounds) || 1;
  const scale = random.uniform(options.minSize, options.maxSize) / extent;
  const [left, top] = [random.uniform(0, 500), random.uniform(0, 500)];
  const { minSpacing, maxSpacing } = options.resample;
  const spacing = extent * random.uniform(minSpacing, maxSpacing);
  const wobble = extent * random.uniform(0, options.maxWobble);
  return warped.map((s) =>
    resampleAtSpacing(s, spacing).map(([x, y]): Point => [
      left + (x - bounds.minX + random.uniform(-wobble, wobble)) * scale,
      top + (y - bounds.minY + random.uniform(-wobble, wobble)) * scale,
    ]),
  );
}

function randomDigitWarp(random: Random, options: StrokeAugmentOptions): Warp {
  const aspect = Math.exp(random.uniform(Math.log(options.minAspect), Math.log(options.maxAspect)));
  const slant = spread(random, options.maxSlant);
  const angle = spread(random, options.maxRotation);
  return { angle, slant, aspect };
}

function randomPenWarp(random: Random, options: PenDrawingOptions): Warp {
  const angle = spread(random, options.maxRotation);
  // Negated because this path once slanted the other way; the same draws keep every seed's data.
  const slant = -spread(random, options.maxSlant);
  const aspect = Math.exp(random.uniform(-1, 1) * Math.log(options.maxAspect));
  return { angle, slant, aspect };
}

/** Uniform in [-max, max]. */
function spread(random: Random, max: number): number {
  return random.uniform(-max, max);
}

/** Finite everywhere and with extent: what strokesToInput can render. */
function isDrawable(strokes: readonly Stroke[]): boolean {
  if (!strokes.every((s) => s.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y)))) {
    return false;
  }
  return boundsExtent(strokeBounds(strokes)) > 0;
}

function copy(strokes: readonly Stroke[]): Stroke[] {
  return strokes.map((s) => s.map(([x, y]) => [x, y] as const));
}
