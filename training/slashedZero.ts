import { strokeBounds, type Stroke } from '../src/strokes';
import type { Random } from './random';
import { lineThrough } from './strokeGeometry';

// Engineers and programmers write 0 with a slash through it (most of UNIPEN's gmd and many of
// its ibm writers), and the generated non-digits teach "a mark through a loop is not a digit".
// Zeros given a slash while training keep that convention a digit for every hand, not only for
// the UNIPEN writers who happen to use it.

/** How the slash is drawn, relative to the zero's bounding box. */
export const SLASH = {
  /** From horizontal, in degrees, rising to the right (/), as people draw it; a few go \. */
  minAngle: 45,
  maxAngle: 75,
  backslashChance: 0.1,
  /** Length as a share of the zero's taller side: from inside the loop to well past it. */
  minLength: 0.8,
  maxLength: 1.35,
  /** The slash's centre moves off the zero's centre by up to this share of its size. */
  offCentre: 0.1,
} as const;

/** The zero with one straight slash through it, drawn after the loop as a pen would. */
export function addSlash(strokes: readonly Stroke[], random: Random): Stroke[] {
  const bounds = strokeBounds(strokes);
  if (!bounds) return [...strokes];
  const [w, h] = [bounds.maxX - bounds.minX, bounds.maxY - bounds.minY];
  const centre = [
    (bounds.minX + bounds.maxX) / 2 + random.uniform(-1, 1) * SLASH.offCentre * w,
    (bounds.minY + bounds.maxY) / 2 + random.uniform(-1, 1) * SLASH.offCentre * h,
  ] as const;
  const degrees = random.uniform(SLASH.minAngle, SLASH.maxAngle);
  const backslash = random.next() < SLASH.backslashChance;
  // y grows downwards: a / rises to the right, so its angle is negative.
  const angle = ((backslash ? 1 : -1) * degrees * Math.PI) / 180;
  const length = Math.max(w, h) * random.uniform(SLASH.minLength, SLASH.maxLength);
  // lineThrough starts at its left end: a / from below, as most are written; a \ from above.
  return [...strokes, lineThrough(centre, angle, length)];
}
