import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import {
  DIGIT_LIKE_LETTERS,
  HERSHEY_FONTS,
  NON_DIGIT_SYMBOLS,
  nonDigitLetters,
} from './hersheyLetters';
import { generateNonDigits, loadNonDigits, NON_DIGIT_KINDS, type NonDigit } from './nonDigits';
import { Random } from './random';

const train = generateNonDigits(500, new Random(1), 'train');
const heldOut = generateNonDigits(500, new Random(1), 'heldOut');

function countKinds(drawings: readonly NonDigit[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of drawings) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return counts;
}

describe('generateNonDigits', () => {
  it('gives the same drawings for the same seed', () => {
    expect(generateNonDigits(40, new Random(5), 'train')).toEqual(
      generateNonDigits(40, new Random(5), 'train'),
    );
    expect(generateNonDigits(40, new Random(6), 'train')).not.toEqual(
      generateNonDigits(40, new Random(5), 'train'),
    );
  });

  it('gives every kind its share: 500 drawings at 5 per percent', () => {
    const expected = Object.fromEntries(NON_DIGIT_KINDS.map((k) => [k.kind, 5 * k.share]));
    expect(countKinds(train)).toEqual(expected);
    expect(countKinds(heldOut)).toEqual(expected);
  });

  it('makes exactly as many as asked, also fewer than there are kinds', () => {
    expect(generateNonDigits(3, new Random(2), 'train')).toHaveLength(3);
    expect(generateNonDigits(0, new Random(2), 'heldOut')).toEqual([]);
  });

  it('draws only finite points, and only drawings the app can read', () => {
    for (const d of [...train, ...heldOut]) {
      expect(d.strokes.flat(2).every(Number.isFinite)).toBe(true);
      expect(strokesToInput(d.strokes)).not.toBeNull();
    }
  });

  it('never draws a digit-like letter, in any font', () => {
    const drawn = [...train, ...heldOut].filter((d) => d.text !== undefined);
    expect(drawn.length).toBeGreaterThan(150);
    for (const { kind, text, font } of drawn) {
      for (const char of text!) {
        expect(DIGIT_LIKE_LETTERS).not.toHaveProperty(char);
        const allowed = kind === 'symbol' ? NON_DIGIT_SYMBOLS : nonDigitLetters(font!);
        expect(allowed).toContain(char);
      }
    }
  });

  it('keeps held-out apart from training: other fonts, no drawing in common', () => {
    const fonts = (drawings: NonDigit[]) => new Set(drawings.flatMap((d) => d.font ?? []));
    expect([...fonts(train)].sort()).toEqual([...HERSHEY_FONTS.train].sort());
    expect([...fonts(heldOut)].sort()).toEqual([...HERSHEY_FONTS.heldOut].sort());
    const trainDrawings = new Set(train.map((d) => JSON.stringify(d.strokes)));
    expect(heldOut.some((d) => trainDrawings.has(JSON.stringify(d.strokes)))).toBe(false);
  });
});

describe('loadNonDigits', () => {
  it('reads the repository file: 1,000 held-out drawings of every kind', () => {
    const drawings = loadNonDigits();
    expect(drawings).toHaveLength(1000);
    expect(Object.keys(countKinds(drawings)).sort()).toEqual(
      NON_DIGIT_KINDS.map((k) => k.kind).sort(),
    );
    const fonts = new Set<string>(HERSHEY_FONTS.heldOut);
    expect(drawings.every((d) => d.font === undefined || fonts.has(d.font))).toBe(true);
  });

  it('names the file and the first bad record', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'non-digits-')), 'non-digits.json');
    const line = {
      kind: 'strayLine',
      strokes: [
        [
          [0, 0],
          [10, 1],
        ],
      ],
    };
    writeFileSync(path, JSON.stringify([line, { kind: 'blob', strokes: [[[5, 5]]] }]));
    expect(() => loadNonDigits(path)).toThrow(`${path}: record 1 (blob) has no ink`);
    writeFileSync(path, JSON.stringify([line, { strokes: [] }]));
    expect(() => loadNonDigits(path)).toThrow(`${path}: record 1 is not`);
  });
});
