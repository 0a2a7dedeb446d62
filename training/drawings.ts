import { readFileSync } from 'node:fs';
import { INPUT_PIXELS } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import type { Stroke } from '../src/strokes';

/**
 * Reads a file of drawings (a JSON array of objects with a `strokes` field in the stroke-digit
 * format, any coordinate units; other fields are ignored). Errors name the file and record.
 */
export function loadDrawings(path: string): Stroke[][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read drawings file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of drawings`);
  return parsed.map((record, i) => {
    const strokes = (record as { strokes?: unknown } | null)?.strokes;
    if (!isStrokes(strokes)) throw new Error(`${path}: record ${i} has no strokes [[[x, y], ...]]`);
    return strokes;
  });
}

export function isStrokes(value: unknown): value is Stroke[] {
  return (
    Array.isArray(value) &&
    value.every(
      (s) =>
        Array.isArray(s) &&
        s.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite)),
    )
  );
}

/**
 * Drawings through the app's preprocessing, packed back to back. A drawing the page would
 * show as empty (a dot) has no input; it is counted, not rendered.
 */
export function renderDrawings(drawings: readonly Stroke[][]): {
  images: Float32Array;
  count: number;
  empty: number;
} {
  const inputs = drawings.map((d) => strokesToInput(d)).filter((x) => x !== null);
  const images = new Float32Array(inputs.length * INPUT_PIXELS);
  inputs.forEach((x, i) => images.set(x, i * INPUT_PIXELS));
  return { images, count: inputs.length, empty: drawings.length - inputs.length };
}
