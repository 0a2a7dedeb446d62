import { NUM_CLASSES } from '../../src/constants';
import type { Stroke } from '../../src/strokes';
import type { StrokeDigit } from '../../training/strokeDigits';

// The digits come from the one stroke-digit module (no tfjs, so cheap to import here).
export { heldOutDigits } from '../../training/strokeDigits';
export type HandwrittenDigit = StrokeDigit;

/**
 * `perClass` digits of each class, spread over the writers and the file: the same sample on
 * every run, so a failure can be reproduced.
 */
export function stratifiedSample(digits: HandwrittenDigit[], perClass: number): HandwrittenDigit[] {
  const sample: HandwrittenDigit[] = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    const ofClass = digits.filter((d) => d.label === label);
    if (ofClass.length < perClass) throw new Error(`only ${ofClass.length} digits of ${label}`);
    const step = ofClass.length / perClass;
    for (let i = 0; i < perClass; i++) sample.push(ofClass[Math.floor(i * step)]!);
  }
  return sample;
}

/**
 * Maps a digit's strokes onto the pad as a person would draw it: its longer side filling
 * half to three quarters of the pad (varied per digit), placed near the centre.
 */
export function placeOnPad(
  digit: { strokes: readonly Stroke[] },
  padSide: number,
  variant: number,
): Stroke[] {
  const points = digit.strokes.flat();
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const fill = 0.5 + 0.25 * ((variant * 0.618) % 1);
  const scale = (fill * padSide) / Math.max(maxX - minX, maxY - minY, 1);
  const offset = ((variant * 0.382) % 1) * 0.1 - 0.05; // up to 5% off centre
  const cx = padSide * (0.5 + offset);
  const cy = padSide * (0.5 - offset / 2);
  return digit.strokes.map((stroke) =>
    stroke.map(
      ([x, y]) =>
        [cx + (x - (minX + maxX) / 2) * scale, cy + (y - (minY + maxY) / 2) * scale] as const,
    ),
  );
}
