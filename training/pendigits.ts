import { readFileSync } from 'node:fs';
import { HELD_OUT_WRITERS, NUM_CLASSES } from '../src/constants';
import type { Stroke } from '../src/strokes';

/** One digit of the stroke file (data/pendigits/pendigits-train.json's format). */
export interface StrokeDigit {
  label: number;
  writer: string;
  index: number;
  strokes: Stroke[];
}

export const DEFAULT_STROKES_FILE = new URL(
  '../data/pendigits/pendigits-train.json',
  import.meta.url,
).pathname;

/** Reads and checks a stroke file; errors name the file and the first bad record. */
export function loadStrokeDigits(path: string = DEFAULT_STROKES_FILE): StrokeDigit[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read stroke file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of digits`);
  parsed.forEach((record, i) => {
    if (!isStrokeDigit(record)) {
      throw new Error(`${path}: record ${i} is not {label 0-9, writer, strokes [[[x, y], ...]]}`);
    }
  });
  return parsed as StrokeDigit[];
}

function isStrokeDigit(r: unknown): r is StrokeDigit {
  if (typeof r !== 'object' || r === null) return false;
  const d = r as Record<string, unknown>;
  return (
    Number.isInteger(d.label) &&
    (d.label as number) >= 0 &&
    (d.label as number) < NUM_CLASSES &&
    typeof d.writer === 'string' &&
    Array.isArray(d.strokes) &&
    d.strokes.every(
      (s) =>
        Array.isArray(s) &&
        s.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite)),
    )
  );
}

/** Splits digits into those of training writers and those of the held-out writers. */
export function splitByWriter(digits: StrokeDigit[]): {
  train: StrokeDigit[];
  heldOut: StrokeDigit[];
} {
  const heldOut = new Set(HELD_OUT_WRITERS);
  return {
    train: digits.filter((d) => !heldOut.has(d.writer)),
    heldOut: digits.filter((d) => heldOut.has(d.writer)),
  };
}
