import { strokeBounds, type Stroke } from '../src/strokes';
import { Random } from './random';
import type { StrokeDigit } from './strokeDigits';

// Numbers written by one held-out writer, composed from their single digits as they would write
// them in a row: the writer's own sizes, gaps that vary (some neighbours touching or overlapping
// a little), a baseline that drifts, and now and then a digit's last stroke added after the next
// digit was written (the bar of a 4 or 7, the flag of a 5).

export interface ComposedNumber {
  /** The digits read left to right, e.g. "2026". */
  value: string;
  writer: string;
  /** The digits it was made of, left to right. */
  digits: StrokeDigit[];
  /** In writing order, in units of the writer's digit height (about 1). */
  strokes: Stroke[];
  /** For each digit, left to right, the indices of its strokes in `strokes`. */
  groups: number[][];
}

export interface NumberOptions {
  minDigits: number;
  maxDigits: number;
  /** Share of gaps that are a touch or a small overlap. */
  touching: number;
  /** Share of multi-stroke digits whose last stroke is written after the next digit. */
  lateStroke: number;
}

export const NUMBER_OPTIONS: NumberOptions = {
  minDigits: 2,
  maxDigits: 8,
  touching: 0.2,
  lateStroke: 0.25,
};

/**
 * `count` numbers, each from one writer's digits (every digit used at most once), the same
 * numbers for the same seed.
 */
export function composeNumbers(
  digits: readonly StrokeDigit[],
  count: number,
  seed: number,
  options: NumberOptions = NUMBER_OPTIONS,
): ComposedNumber[] {
  const random = new Random(seed);
  const byWriter = new Map<string, StrokeDigit[]>();
  for (const digit of digits) {
    const list = byWriter.get(digit.writer) ?? [];
    list.push(digit);
    byWriter.set(digit.writer, list);
  }
  const writers = [...byWriter.keys()].sort();
  const pools = new Map(writers.map((w) => [w, random.shuffle([...byWriter.get(w)!])]));
  const numbers: ComposedNumber[] = [];
  for (let i = 0; numbers.length < count; i++) {
    const writer = writers[i % writers.length]!;
    const pool = pools.get(writer)!;
    const length = options.minDigits + random.int(options.maxDigits - options.minDigits + 1);
    if (pool.length < length) {
      if (writers.every((w) => pools.get(w)!.length < options.minDigits)) break;
      continue;
    }
    numbers.push(composeNumber(pool.splice(0, length), random, options));
  }
  return numbers;
}

/** Writes the digits in a row as their writer would. */
export function composeNumber(
  digits: readonly StrokeDigit[],
  random: Random,
  options: NumberOptions = NUMBER_OPTIONS,
): ComposedNumber {
  const boxes = digits.map((d) => strokeBounds(d.strokes)!);
  // The writer's digit height: the tallest is usually a 1 or a 7, the median is typical.
  const heights = boxes.map((b) => b.maxY - b.minY).sort((a, b) => a - b);
  const unit = heights[Math.floor(heights.length / 2)]! || 1;

  const placed: Stroke[][] = [];
  let cursor = 0;
  let baseline = 1;
  digits.forEach((digit, i) => {
    const box = boxes[i]!;
    if (i > 0) {
      const gap =
        random.next() < options.touching ? random.uniform(-0.08, 0.02) : random.uniform(0.08, 0.4);
      cursor += gap;
      baseline += random.uniform(-0.06, 0.06);
    }
    const dx = cursor - box.minX / unit;
    const dy = baseline - box.maxY / unit;
    placed.push(
      digit.strokes.map((stroke) =>
        stroke.map(([x, y]) => [x / unit + dx, y / unit + dy] as const),
      ),
    );
    cursor += (box.maxX - box.minX) / unit;
  });

  // Writing order: digit by digit, but a late stroke goes after the next digit's strokes.
  const order: { digit: number; stroke: Stroke }[] = [];
  const late: { digit: number; stroke: Stroke }[] = [];
  placed.forEach((strokes, digit) => {
    const deferLast = strokes.length > 1 && random.next() < options.lateStroke;
    strokes.forEach((stroke, s) => {
      const entry = { digit, stroke };
      if (deferLast && s === strokes.length - 1) late.push(entry);
      else order.push(entry);
    });
    // A late stroke from the digit before this one comes after this digit.
    order.push(...late.filter((l) => l.digit === digit - 1));
  });
  order.push(...late.filter((l) => l.digit === placed.length - 1));

  const groups: number[][] = digits.map(() => []);
  order.forEach((entry, index) => groups[entry.digit]!.push(index));
  return {
    value: digits.map((d) => d.label).join(''),
    writer: digits[0]!.writer,
    digits: [...digits],
    strokes: order.map((o) => o.stroke),
    groups,
  };
}
