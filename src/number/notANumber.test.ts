import { describe, expect, it } from 'vitest';
import type { Verdict } from '../model/verdict';
import { isNotANumber, WHOLE_LIKENESS } from './notANumber';

/** A piece read as a 1 with this confidence (not-a-digit probability 0) and verdict. */
const piece = (verdict: Verdict | null, confidence = 0.99, tiny = false) => ({
  reading: { digit: 1, confidence, notDigit: 0, verdict },
  tiny,
});
const SURE = piece('sure');
const NOT_A_DIGIT = piece('not-a-digit');

describe('isNotANumber', () => {
  it('needs two pieces or more: one piece is answered as it reads', () => {
    expect(isNotANumber([])).toBe(false);
    expect(isNotANumber([NOT_A_DIGIT])).toBe(false);
    expect(isNotANumber([piece('unsure', 0.2)])).toBe(false);
  });

  it('leaves tiny pieces out: a dot between digits does not make the number a non-digit', () => {
    const dot = piece('not-a-digit', 0.3, true);
    expect(isNotANumber([SURE, dot, SURE])).toBe(false);
    // A digit and a dot is one piece.
    expect(isNotANumber([SURE, dot])).toBe(false);
  });

  it('is true when any piece is not a digit', () => {
    expect(isNotANumber([SURE, NOT_A_DIGIT])).toBe(true);
    expect(isNotANumber([NOT_A_DIGIT, SURE, SURE])).toBe(true);
  });

  it('is false for pieces surely digits', () => {
    expect(isNotANumber([SURE, SURE])).toBe(false);
    expect(isNotANumber([SURE, piece('unsure', 0.95), SURE])).toBe(false);
  });

  it('is true when the pieces are, on average, unlikely digits', () => {
    // Two unsure 1s (an H's uprights): log 0.45 and log 0.5, below WHOLE_LIKENESS on average.
    expect(isNotANumber([piece('unsure', 0.45), piece('unsure', 0.5)])).toBe(true);
    // The mean decides: a certain digit (likeness 0) beside one just under twice the threshold.
    const around = (shift: number) => [
      piece('sure', 1),
      piece('unsure', Math.exp(2 * WHOLE_LIKENESS + shift)),
    ];
    expect(isNotANumber(around(-0.01))).toBe(true);
    expect(isNotANumber(around(0.01))).toBe(false);
  });

  it('counts the not-a-digit probability in a piece likeness', () => {
    // Confidence 0.99, and a not-a-digit probability that puts the likeness just either side.
    const doubtful = (shift: number) => {
      const notDigit = 1 - Math.exp(WHOLE_LIKENESS + shift) / 0.99;
      return { ...SURE, reading: { ...SURE.reading, notDigit } };
    };
    expect(isNotANumber([doubtful(-0.05), doubtful(-0.05)])).toBe(true);
    expect(isNotANumber([doubtful(0.05), doubtful(0.05)])).toBe(false);
  });

  it('is false without calibration (no verdicts): the page cannot say "not a digit"', () => {
    expect(isNotANumber([piece(null, 0.2), piece(null, 0.3)])).toBe(false);
    expect(isNotANumber([NOT_A_DIGIT, piece(null)])).toBe(false);
  });
});
