import { boundsExtent, strokeBounds, type Stroke } from '../src/strokes';

// Where the bench, the e2e specs and the Node reports put stroke data (in their own units) on
// the pad: one place, so a number read in Node is drawn exactly as the browser bench draws it.

/**
 * Places a number's strokes on a pad of the given size (pixels): as tall as a person writes
 * on it (about 45% of the pad's height) unless it must be smaller to fit the width.
 */
export function fitOnPad(strokes: readonly Stroke[], width: number, height: number): Stroke[] {
  const box = strokeBounds(strokes)!;
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const scale = Math.min((0.45 * height) / h, (0.9 * width) / w);
  const dx = (width - w * scale) / 2 - box.minX * scale;
  const dy = (height - h * scale) / 2 - box.minY * scale;
  return strokes.map((stroke) => stroke.map(([x, y]) => [x * scale + dx, y * scale + dy] as const));
}

/**
 * Maps a digit's strokes onto a square pad as a person would draw it: its longer side filling
 * half to three quarters of the pad (varied per digit), placed near the centre.
 */
export function placeOnPad(
  digit: { strokes: readonly Stroke[] },
  padSide: number,
  variant: number,
): Stroke[] {
  const box = strokeBounds(digit.strokes)!;
  const fill = 0.5 + 0.25 * ((variant * 0.618) % 1);
  // At least 1 so a single point does not blow up to infinity.
  const scale = (fill * padSide) / Math.max(boundsExtent(box), 1);
  const offset = ((variant * 0.382) % 1) * 0.1 - 0.05; // up to 5% off centre
  const cx = padSide * (0.5 + offset);
  const cy = padSide * (0.5 - offset / 2);
  const [midX, midY] = [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2];
  return digit.strokes.map((stroke) =>
    stroke.map(([x, y]) => [cx + (x - midX) * scale, cy + (y - midY) * scale] as const),
  );
}
