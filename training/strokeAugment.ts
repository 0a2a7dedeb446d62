import { strokeBounds, type Point, type Stroke } from '../src/strokes';
import type { Random } from './random';

// Perturbs a digit's pen strokes before they are rasterised, so one writer's digit turns into
// plausible digits of other writers: differently tilted, slanted, proportioned, assembled and
// sampled. Every distance is a fraction of the drawing's size, so any coordinate units work.

export interface StrokeAugmentOptions {
  /** Largest rotation about the drawing's centre, radians either way. */
  maxRotation: number;
  /** Largest horizontal shear (x shift per unit of height); positive leans the top right. */
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
  resample: { minSpacing: number; maxSpacing: number };
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

/** How much one resampling step may differ from its stroke's base spacing (a pen speeding up). */
const STEP_VARIATION = 0.4;

/**
 * A randomly perturbed copy of a drawing, with as many strokes as the input and each stroke's
 * endpoints kept up to jitter and the global transform. Pure given `random`; never mutates the
 * input. A drawing without extent, or one the options would collapse, comes back unchanged.
 */
export function augmentStrokes(
  strokes: readonly Stroke[],
  random: Random,
  options: StrokeAugmentOptions = DEFAULT_STROKE_AUGMENT,
): Stroke[] {
  const bounds = strokeBounds(strokes);
  const size = bounds ? Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) : 0;
  if (!bounds || !(size > 0)) return copy(strokes);
  const centre: Point = [(bounds.minX + bounds.maxX) / 2, (bounds.minY + bounds.maxY) / 2];

  // Drawn in a fixed order so a seed always gives the same digit.
  const transform = randomTransform(random, options);
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
    const sampled = resample(points, random, options.resample, size);
    return sampled.map(([x, y]) => {
      // Independent wobble per point: a less steady hand.
      const jx = spread(random, options.pointJitter) * size;
      const jy = spread(random, options.pointJitter) * size;
      return transform([x + ox + jx - centre[0], y + oy + jy - centre[1]], centre);
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

/** One random aspect, slant and rotation, applied about the drawing's centre. */
function randomTransform(
  random: Random,
  options: StrokeAugmentOptions,
): (p: Point, centre: Point) => Point {
  const aspect = Math.exp(random.uniform(Math.log(options.minAspect), Math.log(options.maxAspect)));
  const slant = spread(random, options.maxSlant);
  const angle = spread(random, options.maxRotation);
  // Stretch x and squeeze y by the same factor, so the ink's area (and stroke density) is kept.
  const sx = Math.sqrt(aspect);
  const sy = 1 / sx;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return ([x, y], [cx, cy]) => {
    const ax = x * sx;
    const ay = y * sy;
    // y points down, so leaning the top right moves points above the centre to +x.
    const slantedX = ax - slant * ay;
    return [cx + cos * slantedX - sin * ay, cy + sin * slantedX + cos * ay];
  };
}

/**
 * The polyline sampled afresh along its length, as a pen moving at another speed would record
 * it, with both endpoints kept. Wider steps cut corners slightly, as sparse sampling does.
 */
function resample(
  points: Point[],
  random: Random,
  { minSpacing, maxSpacing }: StrokeAugmentOptions['resample'],
  size: number,
): Point[] {
  const base = random.uniform(minSpacing, maxSpacing) * size;
  if (!(base > 0) || points.length < 2) return points;
  const out: Point[] = [points[0]!];
  let step = base * (1 + spread(random, STEP_VARIATION));
  let travelled = 0; // along the current segment, from its start
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const length = Math.hypot(bx - ax, by - ay);
    // `step` is the distance still to go, measured from the segment's start.
    while (step <= length - travelled) {
      travelled += step;
      const t = travelled / length;
      out.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
      step = base * (1 + spread(random, STEP_VARIATION));
    }
    step -= length - travelled;
    travelled = 0;
  }
  // The pen lifts where it lifted: replace a sample that nearly hit the end, else add the end.
  const [lx, ly] = points[points.length - 1]!;
  const [px, py] = out[out.length - 1]!;
  if (out.length > 1 && Math.hypot(px - lx, py - ly) < base * 0.25) out.pop();
  out.push([lx, ly]);
  return out;
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
  const bounds = strokeBounds(strokes);
  return bounds !== null && Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) > 0;
}

function copy(strokes: readonly Stroke[]): Stroke[] {
  return strokes.map((s) => s.map(([x, y]) => [x, y] as const));
}
