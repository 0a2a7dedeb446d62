import type { Point } from '../src/strokes';

// The deterministic half of stroke augmentation: a drawn warp applied to points. The slant
// convention is the one stated at the top of strokeAugment.ts.

/** One random warp's parameters: rotation (radians), slant, width:height stretch. */
export interface Warp {
  angle: number;
  slant: number;
  aspect: number;
}

/** x after slanting: y points down, so a positive slant moves points above y = 0 right. */
export function slantX(x: number, y: number, slant: number): number {
  return x - slant * y;
}

/**
 * For recorded drawings (points given relative to `centre`): stretch x and squeeze y by the
 * same factor, so the ink's area (and stroke density) is kept, then slant, then rotate about
 * the centre.
 */
export function warpAboutCentre(
  { angle, slant, aspect }: Warp,
  [cx, cy]: Point,
): (p: Point) => Point {
  const sx = Math.sqrt(aspect);
  const sy = 1 / sx;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return ([x, y]: Point): Point => {
    const ax = x * sx;
    const ay = y * sy;
    const slanted = slantX(ax, ay, slant);
    return [cx + cos * slanted - sin * ay, cy + sin * slanted + cos * ay];
  };
}

/**
 * For generated drawings, which are sized and placed afterwards: slant, stretch x alone, then
 * rotate about the origin. (Its order differs from warpAboutCentre's; each is kept as it was
 * so a seed still gives the training data the shipped model learnt from.)
 */
export function warpAboutOrigin({ angle, slant, aspect }: Warp): (p: Point) => Point {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return ([x, y]: Point): Point => {
    const sx = slantX(x, y, slant) * aspect;
    return [cos * sx - sin * y, sin * sx + cos * y];
  };
}
