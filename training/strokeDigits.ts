import { fileURLToPath } from 'node:url';
import { HELD_OUT_WRITERS, INPUT_PIXELS, NUM_CLASSES, PEN_WIDTH } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import type { Stroke } from '../src/strokes';
import { isStrokes, loadRecords } from './drawings';
import { selectWriters } from './writers';

// Node-only and free of tfjs, so e2e support code can load digits without pulling in a backend.

/** One handwritten digit as pen strokes (the format of data/pendigits/, see its README). */
export interface StrokeDigit {
  label: number;
  writer: string;
  index: number;
  strokes: Stroke[];
}

/** The stroke digits in this repository: UCI pendigits' training part as JSON. */
export const STROKE_DIGITS_FILE = fileURLToPath(
  new URL('../data/pendigits/pendigits-train.json', import.meta.url),
);

/**
 * Reads and checks a stroke file; errors name the file and the first bad record.
 * Empty-drawing policy: a record the app's preprocessing finds empty (nothing to recognise) is
 * an error here, so every consumer gets only drawable digits.
 */
export function loadStrokeDigits(path: string = STROKE_DIGITS_FILE): StrokeDigit[] {
  return loadRecords<StrokeDigit>(path, 'stroke digit', (record) => {
    if (!isStrokeDigit(record)) return 'is not {label 0-9, writer, index, strokes [[[x, y], ...]]}';
    if (strokesToInput(record.strokes) === null) {
      return `(${describe(record)}) has no ink to recognise`;
    }
    return null;
  });
}

function isStrokeDigit(r: unknown): r is StrokeDigit {
  if (typeof r !== 'object' || r === null) return false;
  const d = r as Record<string, unknown>;
  return (
    Number.isInteger(d.label) &&
    (d.label as number) >= 0 &&
    (d.label as number) < NUM_CLASSES &&
    typeof d.writer === 'string' &&
    Number.isInteger(d.index) &&
    isStrokes(d.strokes)
  );
}

/**
 * Splits digits into those of the given writers and those of everyone else (for a list from the
 * command line; the named sets are selectWriters').
 */
export function splitByWriter(
  digits: StrokeDigit[],
  heldOutWriters: readonly string[] = HELD_OUT_WRITERS,
): { train: StrokeDigit[]; heldOut: StrokeDigit[] } {
  const heldOut = new Set(heldOutWriters);
  return {
    train: digits.filter((d) => !heldOut.has(d.writer)),
    heldOut: digits.filter((d) => heldOut.has(d.writer)),
  };
}

/** Digits of the writers the model never trained on (HELD_OUT_WRITERS). */
export function heldOutDigits(path: string = STROKE_DIGITS_FILE): StrokeDigit[] {
  return selectWriters(loadStrokeDigits(path), 'held-out');
}

/**
 * One digit as the model's 28x28 input, through the app's own preprocessing. `penWidth` is
 * for training's thinner and bolder strokes.
 */
export function renderDigit(digit: StrokeDigit, penWidth: number = PEN_WIDTH): Float32Array {
  const image = strokesToInput(digit.strokes, penWidth);
  // loadStrokeDigits rejects empty drawings, so this only fires for digits made elsewhere.
  if (!image) throw new Error(`stroke digit ${describe(digit)} has no ink to recognise`);
  return image;
}

/** Digits as one packed batch of model inputs (n x 784) with their labels (default pen). */
export function renderDigits(digits: readonly StrokeDigit[]): {
  images: Float32Array;
  labels: Int32Array;
} {
  const images = new Float32Array(digits.length * INPUT_PIXELS);
  digits.forEach((d, i) => images.set(renderDigit(d), i * INPUT_PIXELS));
  return { images, labels: Int32Array.from(digits, (d) => d.label) };
}

function describe(d: StrokeDigit): string {
  return `writer ${d.writer}, index ${d.index}, label ${d.label}`;
}
