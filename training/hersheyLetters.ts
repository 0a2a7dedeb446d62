import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Point, Stroke } from '../src/strokes';

// Letters from the Hershey vector fonts (public-domain glyph data shipped in the `hersheytext`
// package), used as drawings that are not digits. Node-only; the app never imports it.

interface HersheyFont {
  name: string;
  /** Glyphs for character codes 33 ('!') upwards; `d` is SVG path data with M and L only. */
  chars: { d: string; o: number }[];
}

/**
 * Letters that a fair reader takes for a digit, so they are never drawn as non-digits: teaching
 * the model to reject them would teach it to reject real digits too.
 */
export const DIGIT_LIKE_LETTERS: Readonly<Record<string, string>> = {
  O: 'a 0',
  o: 'a 0',
  D: 'a 0 with one flat side',
  Q: 'a 0 with a tail; the script Q is drawn like a 2',
  I: 'a 1',
  l: 'a 1',
  i: 'a 1 with a dot',
  J: 'a single vertical stroke with a small hook: a 1',
  j: 'a single vertical stroke with a small hook and a dot: a 1',
  S: 'a 5 (or an 8 left open)',
  s: 'a 5',
  Z: 'a 2',
  z: 'a 2',
  B: 'an 8 with a flat side',
  b: 'a 6',
  G: 'a 6 left open',
  g: 'a 9',
  q: 'a 9',
  y: 'an open-topped 4 or 9',
  Y: 'the script Y is a y: an open-topped 4 or 9',
};

/** Letters digit-like only as the script fonts draw them. */
export const DIGIT_LIKE_SCRIPT_LETTERS: Readonly<Record<string, string>> = {
  L: 'a loop on top and a looped foot: a 2',
  T: 'a swash on a stem that curls left: a 7',
  f: 'a tall thin double loop: an 8 or a 1',
  r: 'a hooked top and a foot to the right: a 2',
};

/** Upper- and lower-case letters drawn as non-digits: A-Z and a-z minus DIGIT_LIKE_LETTERS. */
export const NON_DIGIT_LETTERS: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
].filter((c) => !(c in DIGIT_LIKE_LETTERS));

const SCRIPT_FONTS: ReadonlySet<string> = new Set(['scripts', 'cursive', 'scriptc']);

/** Symbols that are nothing like a digit ('&' is too like an 8, '$' a 5, '?' a 2, '!' a 1). */
export const NON_DIGIT_SYMBOLS: readonly string[] = [...'#@*%='];

/** Fonts for training and, different ones, for measuring how well rejection generalises. */
export const HERSHEY_FONTS = {
  train: ['futural', 'scripts', 'timesr', 'timesi', 'gothiceng'],
  heldOut: ['futuram', 'cursive', 'timesrb', 'scriptc'],
} as const;

/** The letters drawn as non-digits in one font. */
export function nonDigitLetters(font: string): readonly string[] {
  return SCRIPT_FONTS.has(font)
    ? NON_DIGIT_LETTERS.filter((c) => !(c in DIGIT_LIKE_SCRIPT_LETTERS))
    : NON_DIGIT_LETTERS;
}

let fonts: Record<string, HersheyFont> | undefined;

// Read on first use, not at import time.
function hersheyFonts(): Record<string, HersheyFont> {
  if (!fonts) {
    const path = createRequire(import.meta.url).resolve('hersheytext/hersheytext.json');
    fonts = JSON.parse(readFileSync(path, 'utf8')) as Record<string, HersheyFont>;
  }
  return fonts;
}

/** One character of a Hershey font as strokes in font units (y downwards). */
export function glyphStrokes(font: string, char: string): Stroke[] {
  const glyph = hersheyFonts()[font]?.chars[char.charCodeAt(0) - 33];
  if (!glyph) throw new Error(`Hershey font ${font} has no glyph for '${char}'`);
  return pathToStrokes(glyph.d);
}

/** SVG path data of M and L commands as strokes: each M lifts the pen and starts a new one. */
export function pathToStrokes(d: string): Stroke[] {
  const unsupported = d.match(/[A-KN-Za-z]/);
  if (unsupported) throw new Error(`path command ${unsupported[0]} is not supported: ${d}`);
  return d
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) =>
      [...part.matchAll(/(-?[\d.]+)\s*,\s*(-?[\d.]+)/g)].map((m): Point => [
        Number(m[1]),
        Number(m[2]),
      ]),
    );
}
