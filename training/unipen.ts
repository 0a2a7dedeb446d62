// UNIPEN's pen digits and letters (data/unipen/, CC BY 4.0; see its README), in the stroke
// format of data/pendigits/ plus the site each writer wrote at.
import { fileURLToPath } from 'node:url';
import type { Stroke } from '../src/strokes';
import { isStrokes, loadRecords } from './drawings';
import { loadStrokeDigits, type StrokeDigit } from './strokeDigits';

const dataFile = (name: string) =>
  fileURLToPath(new URL(`../data/unipen/${name}`, import.meta.url));

export const UNIPEN_DIGITS_FILE = dataFile('unipen-1a-digits.json.gz');
export const UNIPEN_LETTERS_FILE = dataFile('unipen-letters.json.gz');

export interface UnipenDigit extends StrokeDigit {
  institution: string;
  /** UNIPEN's mark: "OK" was checked by a person, "?" was not. */
  quality: string;
}

export interface UnipenLetter {
  symbol: string;
  writer: string;
  index: number;
  institution: string;
  quality: string;
  strokes: Stroke[];
}

/** The 12,872 digits (checked as every stroke digit is, plus their site). */
export function loadUnipenDigits(path: string = UNIPEN_DIGITS_FILE): UnipenDigit[] {
  const digits = loadStrokeDigits(path) as UnipenDigit[];
  const bad = digits.findIndex((d) => typeof d.institution !== 'string');
  if (bad >= 0) throw new Error(`${path}: record ${bad} has no institution`);
  return digits;
}

/** The 26,762 letters A-Z and a-z. */
export function loadUnipenLetters(path: string = UNIPEN_LETTERS_FILE): UnipenLetter[] {
  return loadRecords<UnipenLetter>(path, 'letter', (r) => {
    const l = r as Partial<UnipenLetter> | null;
    return l &&
      typeof l.symbol === 'string' &&
      /^[A-Za-z]$/.test(l.symbol) &&
      typeof l.writer === 'string' &&
      typeof l.institution === 'string' &&
      isStrokes(l.strokes)
      ? null
      : 'is not {symbol A-Za-z, writer, institution, strokes [[[x, y], ...]]}';
  });
}

/**
 * Letters many people write the way they write a digit (O and 0, I/l/i and 1, Z and 2, S and 5,
 * b/G and 6, g/q and 9, B and 8, y and an open 4, D and 0): neither trained nor measured as
 * non-digits, since refusing them would teach the network to refuse those digits too.
 */
export const DIGIT_LIKE_LETTERS = 'ODIilZzSsbGgqBoy';

/** A letter that no digit resembles: one to answer "not a digit". */
export function isNonDigitLetter(letter: { symbol: string }): boolean {
  return !DIGIT_LIKE_LETTERS.includes(letter.symbol);
}
