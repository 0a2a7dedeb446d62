import { strokeBounds, type Point, type Stroke } from '../src/strokes';
import type { Random } from './random';

// Turns a clean vector drawing (a font glyph, a generated shape) into something like what a pen
// records: slightly rotated, slanted and stretched, sampled every few percent of its size, with
// a wobble, at a random size and place (the app's preprocessing undoes size and place).

export interface JitterOptions {
  maxRotation: number; // radians
  maxSlant: number; // horizontal shear, x += slant * y
  maxAspect: number; // x is stretched by a factor in [1 / maxAspect, maxAspect]
  /** Pen sampling distance as fractions of the drawing's size. */
  minSpacing: number;
  maxSpacing: number;
  /** Largest wobble of a point as a fraction of the drawing's size. */
  maxWobble: number;
  /** Size of the finished drawing's longer side, in drawing units. */
  minSize: number;
  maxSize: number;
}

export const DEFAULT_JITTER: JitterOptions = {
  maxRotation: (12 * Math.PI) / 180,
  maxSlant: 0.3,
  maxAspect: 1.25,
  minSpacing: 0.02,
  maxSpacing: 0.08,
  maxWobble: 0.012,
  minSize: 60,
  maxSize: 400,
};

/** A randomly perturbed, resampled copy of a drawing, at a random size and position. */
export function jitterDrawing(
  strokes: readonly Stroke[],
  random: Random,
  options: JitterOptions = DEFAULT_JITTER,
): Stroke[] {
  const angle = random.uniform(-options.maxRotation, options.maxRotation);
  const slant = random.uniform(-options.maxSlant, options.maxSlant);
  const aspect = Math.exp(random.uniform(-1, 1) * Math.log(options.maxAspect));
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const warped = strokes.map((s) =>
    s.map(([x, y]): Point => {
      const sx = (x + slant * y) * aspect;
      return [cos * sx - sin * y, sin * sx + cos * y];
    }),
  );

  const bounds = strokeBounds(warped);
  if (!bounds) return [];
  const extent = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) || 1;
  const size = random.uniform(options.minSize, options.maxSize);
  const scale = size / extent;
  const [left, top] = [random.uniform(0, 500), random.uniform(0, 500)];
  const spacing = extent * random.uniform(options.minSpacing, options.maxSpacing);
  const wobble = extent * random.uniform(0, options.maxWobble);
  return warped.map((s) =>
    resampleStroke(s, spacing).map(([x, y]): Point => [
      left + (x - bounds.minX + random.uniform(-wobble, wobble)) * scale,
      top + (y - bounds.minY + random.uniform(-wobble, wobble)) * scale,
    ]),
  );
}

/** Cosine of the turn above which a vertex is a corner the pen slows down at, so it is kept. */
const CORNER_COS = Math.cos((40 * Math.PI) / 180);

/**
 * Points every `spacing` along the stroke, like a pen sampled at a steady rate, keeping its ends
 * and sharp corners (a pen slows down there, so real samples cluster at corners).
 */
export function resampleStroke(stroke: Stroke, spacing: number): Stroke {
  const first = stroke[0];
  if (!first || !(spacing > 0)) return stroke;
  const out: Point[] = [first];
  let carried = 0; // distance walked since the last emitted point
  for (let i = 1; i < stroke.length; i++) {
    const [ax, ay] = stroke[i - 1]!;
    const [bx, by] = stroke[i]!;
    const length = Math.hypot(bx - ax, by - ay);
    let along = spacing - carried;
    for (; along < length; along += spacing) {
      const t = along / length;
      out.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
    }
    carried = length - (along - spacing);
    const next = stroke[i + 1];
    if (!next || isCorner(stroke[i - 1]!, stroke[i]!, next)) {
      if (carried > 0) out.push(stroke[i]!);
      carried = 0;
    }
  }
  return out;
}

function isCorner([ax, ay]: Point, [bx, by]: Point, [cx, cy]: Point): boolean {
  const [ux, uy, vx, vy] = [bx - ax, by - ay, cx - bx, cy - by];
  const norms = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  return norms > 0 && (ux * vx + uy * vy) / norms < CORNER_COS;
}
