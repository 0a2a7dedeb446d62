import type { Point, Stroke } from '../src/strokes';
import type { Random } from './random';

// Two ways of sampling a stroke afresh along its length, as a pen recording at some speed would.

/** Range of the resampling distance, as fractions of the drawing's size. */
export interface SpacingRange {
  minSpacing: number;
  maxSpacing: number;
}

/** Cosine of the turn above which a vertex is a corner the pen slows down at, so it is kept. */
const CORNER_COS = Math.cos((40 * Math.PI) / 180);

/**
 * Points every `spacing` along a clean (generated) stroke, like a pen sampled at a steady rate,
 * keeping its ends and sharp corners (a pen slows down there, so real samples cluster there).
 */
export function resampleAtSpacing(stroke: Stroke, spacing: number): Stroke {
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

/** How much one resampling step may differ from its stroke's base spacing (a pen speeding up). */
const STEP_VARIATION = 0.4;

/**
 * A recorded stroke sampled afresh at a random base spacing (a fraction of `size`) varied per
 * step, as a pen moving at another, unsteady speed would record it, with both endpoints kept.
 * Wider steps cut corners slightly, as sparse sampling does.
 */
export function resampleAtRandomSpeed(
  points: Point[],
  random: Random,
  { minSpacing, maxSpacing }: SpacingRange,
  size: number,
): Point[] {
  const base = random.uniform(minSpacing, maxSpacing) * size;
  if (!(base > 0) || points.length < 2) return points;
  const nextStep = () => base * (1 + random.uniform(-STEP_VARIATION, STEP_VARIATION));
  const out: Point[] = [points[0]!];
  let step = nextStep();
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
      step = nextStep();
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
