import type { Stroke } from '../strokes';

/** Maps drawing coordinates to image coordinates: image = drawing * scale + offset. */
export interface Placement {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/**
 * Renders strokes as anti-aliased polylines into a size x size image (0..1, ink = 1).
 * Pixel (col, row) spans [col, col + 1] x [row, row + 1] and is sampled at its centre.
 */
export function renderStrokes(
  strokes: readonly Stroke[],
  placement: Placement,
  size: number,
  penWidth: number,
): Float32Array {
  const image = new Float32Array(size * size);
  const radius = penWidth / 2;
  const { scale, offsetX, offsetY } = placement;
  for (const stroke of strokes) {
    const points = stroke
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .map(([x, y]) => [x * scale + offsetX, y * scale + offsetY] as const);
    const first = points[0];
    if (!first) continue;
    // A single point is a tap: draw it as a dot (a segment of zero length).
    if (points.length === 1) drawSegment(image, size, first, first, radius);
    for (let i = 1; i < points.length; i++) {
      drawSegment(image, size, points[i - 1]!, points[i]!, radius);
    }
  }
  return image;
}

/**
 * Coverage falls off linearly over one pixel around the pen's edge, which anti-aliases the
 * stroke the way MNIST's downsampling did. Overlaps take the maximum, not the sum, so joints
 * and crossings are not darker than the stroke itself.
 */
function drawSegment(
  image: Float32Array,
  size: number,
  a: readonly [number, number],
  b: readonly [number, number],
  radius: number,
): void {
  const reach = radius + 0.5;
  // Only pixels whose centre lies within reach of the segment can receive ink.
  const colStart = Math.max(0, Math.floor(Math.min(a[0], b[0]) - reach));
  const colEnd = Math.min(size - 1, Math.ceil(Math.max(a[0], b[0]) + reach));
  const rowStart = Math.max(0, Math.floor(Math.min(a[1], b[1]) - reach));
  const rowEnd = Math.min(size - 1, Math.ceil(Math.max(a[1], b[1]) + reach));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  for (let row = rowStart; row <= rowEnd; row++) {
    const py = row + 0.5;
    for (let col = colStart; col <= colEnd; col++) {
      const px = col + 0.5;
      const t =
        lengthSq > 0
          ? Math.min(1, Math.max(0, ((px - a[0]) * dx + (py - a[1]) * dy) / lengthSq))
          : 0;
      const distance = Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
      const coverage = Math.min(1, reach - distance);
      const index = row * size + col;
      if (coverage > image[index]!) image[index] = coverage;
    }
  }
}

/** Intensity-weighted centre of mass in pixel-centre coordinates, or null for a blank image. */
export function centreOfMass(image: Float32Array, size: number): { x: number; y: number } | null {
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const v = image[row * size + col]!;
      mass += v;
      sumX += v * (col + 0.5);
      sumY += v * (row + 0.5);
    }
  }
  return mass > 0 ? { x: sumX / mass, y: sumY / mass } : null;
}
