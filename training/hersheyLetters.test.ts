import { describe, expect, it } from 'vitest';
import {
  DIGIT_LIKE_LETTERS,
  DIGIT_LIKE_SCRIPT_LETTERS,
  glyphStrokes,
  HERSHEY_FONTS,
  NON_DIGIT_LETTERS,
  nonDigitLetters,
  pathToStrokes,
} from './hersheyLetters';

describe('pathToStrokes', () => {
  it('starts a new stroke at each M', () => {
    expect(pathToStrokes('M4,1 L4,22 M4,1 L13,1 16,2')).toEqual([
      [
        [4, 1],
        [4, 22],
      ],
      [
        [4, 1],
        [13, 1],
        [16, 2],
      ],
    ]);
  });

  it('rejects commands other than M and L', () => {
    expect(() => pathToStrokes('M0,0 C1,1 2,2 3,3')).toThrow('path command C is not supported');
  });
});

describe('glyphStrokes', () => {
  it("reads futural's T: a bar and a stem", () => {
    expect(glyphStrokes('futural', 'T')).toEqual([
      [
        [8, 1],
        [8, 22],
      ],
      [
        [1, 1],
        [15, 1],
      ],
    ]);
  });

  it('has every non-digit letter in every font it uses', () => {
    for (const font of [...HERSHEY_FONTS.train, ...HERSHEY_FONTS.heldOut]) {
      for (const char of nonDigitLetters(font))
        expect(glyphStrokes(font, char).length).toBeGreaterThan(0);
    }
  });

  it('names a missing font', () => {
    expect(() => glyphStrokes('nope', 'A')).toThrow("Hershey font nope has no glyph for 'A'");
  });
});

describe('letters', () => {
  it('leaves out the digit-like ones, and the script-only ones in script fonts', () => {
    expect(NON_DIGIT_LETTERS).toHaveLength(52 - Object.keys(DIGIT_LIKE_LETTERS).length);
    expect(NON_DIGIT_LETTERS).toContain('T');
    expect(nonDigitLetters('futural')).toContain('T');
    expect(nonDigitLetters('scripts')).not.toContain('T');
    expect(nonDigitLetters('cursive')).toHaveLength(
      NON_DIGIT_LETTERS.length - Object.keys(DIGIT_LIKE_SCRIPT_LETTERS).length,
    );
  });
});
