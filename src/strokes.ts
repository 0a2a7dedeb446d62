/** One sampled position of the pen, [x, y] with y downwards (screen convention). */
export type Point = readonly [number, number];
/** The points of one pen-down ... pen-up movement. */
export type Stroke = readonly Point[];

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounding box of every point in the drawing, or null when it has no points. */
export function strokeBounds(strokes: readonly Stroke[]): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const [x, y] of stroke) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return minX <= maxX ? { minX, minY, maxX, maxY } : null;
}

/** The longer side of a bounding box (0 for none): the size every scaling rule goes by. */
export function boundsExtent(bounds: Bounds | null): number {
  return bounds ? Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) : 0;
}
