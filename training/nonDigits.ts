import { fileURLToPath } from 'node:url';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { strokeBounds, type Stroke } from '../src/strokes';
import { glyphStrokes, HERSHEY_FONTS, NON_DIGIT_SYMBOLS, nonDigitLetters } from './hersheyLetters';
import { markedShape } from './markedShape';
import {
  arrow,
  blob,
  cross,
  hatching,
  scribble,
  spiral,
  star,
  strayLine,
  wave,
  zigzag,
  type ShapeMaker,
  type Split,
} from './nonDigitShapes';
import type { Random } from './random';
import { pick, translate } from './strokeGeometry';
import { asPenDrawing, DEFAULT_PEN_DRAWING, type PenDrawingOptions } from './strokeAugment';
import { isStrokes, loadRecords } from './drawings';

export type { Split };

/** A drawing that is not a digit, as pen strokes in the format of the stroke digits. */
export interface NonDigit {
  kind: string;
  strokes: Stroke[];
  /** For letters and symbols: the characters drawn and their Hershey font. */
  text?: string;
  font?: string;
}

/** How each kind of generated drawing is turned into a pen's trace (asPenDrawing). */
export const NON_DIGIT_PEN = {
  default: DEFAULT_PEN_DRAWING,
  /** Less turn, slant and stretch for shapes whose angle decides whether they look like a digit. */
  oriented: {
    ...DEFAULT_PEN_DRAWING,
    maxRotation: (5 * Math.PI) / 180,
    maxSlant: 0.1,
    maxAspect: 1.1,
  },
  /** A scribble's random walk already moves a pen-sample's distance at a time. */
  scribble: { ...DEFAULT_PEN_DRAWING, resample: { minSpacing: 0, maxSpacing: 0 } },
  /** A few raw points a few units across: no resampling or wobble, the pen barely moved. */
  blob: {
    ...DEFAULT_PEN_DRAWING,
    resample: { minSpacing: 0, maxSpacing: 0 },
    maxWobble: 0,
    minSize: 2,
    maxSize: 8,
  },
} as const satisfies Record<string, PenDrawingOptions>;

type Draw = (random: Random, split: Split) => Omit<NonDigit, 'kind'>;

function shape(make: ShapeMaker, pen: PenDrawingOptions = NON_DIGIT_PEN.default): Draw {
  return (random, split) => ({ strokes: asPenDrawing(make(random, split), random, pen) });
}

/** One letter (or symbol), or two side by side, in a font of the split. */
function characters(count: 1 | 2, symbols = false): Draw {
  return (random, split) => {
    const font = pick(random, HERSHEY_FONTS[split]);
    const chars = symbols ? NON_DIGIT_SYMBOLS : nonDigitLetters(font);
    const text = Array.from({ length: count }, () => pick(random, chars)).join('');
    let strokes: Stroke[] = [];
    for (const char of text) {
      const glyph = glyphStrokes(font, char);
      // Hershey glyphs share a baseline, so only x moves: the next letter starts after a gap.
      const [left, right] = [strokeBounds(glyph)?.minX ?? 0, strokeBounds(strokes)?.maxX];
      const dx = right === undefined ? 0 : right - left + random.uniform(2, 8);
      strokes = [...strokes, ...translate(glyph, dx, 0)];
    }
    return { strokes: asPenDrawing(strokes, random), text, font };
  };
}

/** Every kind of non-digit and its share of a generated set, in percent. */
export const NON_DIGIT_KINDS: readonly { kind: string; share: number; draw: Draw }[] = [
  { kind: 'letter', share: 28, draw: characters(1) },
  { kind: 'letterPair', share: 6, draw: characters(2) },
  { kind: 'symbol', share: 4, draw: characters(1, true) },
  { kind: 'scribble', share: 9, draw: shape(scribble, NON_DIGIT_PEN.scribble) },
  { kind: 'hatching', share: 6, draw: shape(hatching) },
  { kind: 'cross', share: 6, draw: shape(cross) },
  { kind: 'markedShape', share: 9, draw: shape(markedShape) },
  { kind: 'star', share: 5, draw: shape(star) },
  { kind: 'arrow', share: 5, draw: shape(arrow, NON_DIGIT_PEN.oriented) },
  { kind: 'zigzag', share: 4, draw: shape(zigzag, NON_DIGIT_PEN.oriented) },
  { kind: 'spiral', share: 4, draw: shape(spiral) },
  { kind: 'wave', share: 4, draw: shape(wave, NON_DIGIT_PEN.oriented) },
  { kind: 'strayLine', share: 6, draw: shape(strayLine, NON_DIGIT_PEN.oriented) },
  { kind: 'blob', share: 4, draw: shape(blob, NON_DIGIT_PEN.blob) },
];

/**
 * `count` non-digits in random order, each kind in proportion to its share. 'train' and
 * 'heldOut' use different fonts and partly different shape variants, so a held-out set measures
 * how rejection generalises rather than what was memorised. Every drawing is one the app's
 * preprocessing can read.
 */
export function generateNonDigits(count: number, random: Random, split: Split): NonDigit[] {
  const drawings: NonDigit[] = [];
  kindCounts(count, random).forEach((n, k) => {
    const { kind, draw } = NON_DIGIT_KINDS[k]!;
    for (let i = 0; i < n; i++) drawings.push({ kind, ...drawable(draw, random, split) });
  });
  return random.shuffle(drawings);
}

/**
 * Each kind's share of `count`, rounded down; the few left over go to kinds drawn in proportion
 * to what rounding took from them, so small batches are not always topped up with letters.
 */
function kindCounts(count: number, random: Random): number[] {
  const total = NON_DIGIT_KINDS.reduce((sum, k) => sum + k.share, 0);
  const exact = NON_DIGIT_KINDS.map((k) => (count * k.share) / total);
  const counts = exact.map(Math.floor);
  const fractions = exact.map((e, k) => e - counts[k]!);
  const spare = fractions.reduce((a, b) => a + b, 0);
  for (let left = count - counts.reduce((a, b) => a + b, 0); left > 0; left--) {
    let r = random.uniform(0, spare);
    const k = fractions.findIndex((f) => (r -= f) < 0);
    counts[k < 0 ? 0 : k]!++;
  }
  return counts;
}

function drawable(draw: Draw, random: Random, split: Split): Omit<NonDigit, 'kind'> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const drawing = draw(random, split);
    if (strokesToInput(drawing.strokes) !== null) return drawing;
  }
  throw new Error('could not generate a drawable non-digit in 100 attempts');
}

/** The held-out non-digits in this repository (made by training/makeNonDigits.ts). */
export const HELD_OUT_NON_DIGITS_FILE = fileURLToPath(
  new URL('../data/non-digits/held-out.json', import.meta.url),
);

/** Reads and checks a non-digit file; errors name the file and the first bad record. */
export function loadNonDigits(path: string = HELD_OUT_NON_DIGITS_FILE): NonDigit[] {
  return loadRecords<NonDigit>(path, 'non-digit', (record) => {
    if (!isNonDigit(record)) return 'is not {kind, strokes}';
    if (strokesToInput(record.strokes) === null) {
      return `(${record.kind}) has no ink to recognise`;
    }
    return null;
  });
}

function isNonDigit(r: unknown): r is NonDigit {
  if (typeof r !== 'object' || r === null) return false;
  const d = r as Record<string, unknown>;
  return typeof d.kind === 'string' && isStrokes(d.strokes);
}
