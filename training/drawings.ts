import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { INPUT_PIXELS } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import type { Stroke } from '../src/strokes';

/** A text file's contents; `.gz` files (the larger data sets) are unzipped. */
export function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * Reads a JSON array from a file (plain or `.gz`) and checks each record with `problem` (a description of what
 * is wrong, or null); errors name the file and the first bad record.
 */
export function loadRecords<T>(
  path: string,
  what: string,
  problem: (record: unknown) => string | null,
): T[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(path));
  } catch (error) {
    throw new Error(`Cannot read ${what} file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of ${what}s`);
  parsed.forEach((record, i) => {
    const wrong = problem(record);
    if (wrong) throw new Error(`${path}: record ${i} ${wrong}`);
  });
  return parsed as T[];
}

/**
 * Reads a file of drawings (a JSON array of objects with a `strokes` field in the stroke-digit
 * format, any coordinate units; other fields are ignored).
 */
export function loadDrawings(path: string): Stroke[][] {
  return loadRecords<{ strokes: Stroke[] }>(path, 'drawing', (r) =>
    isStrokes((r as { strokes?: unknown } | null)?.strokes)
      ? null
      : 'has no strokes [[[x, y], ...]]',
  ).map((r) => r.strokes);
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
