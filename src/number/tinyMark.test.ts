import { describe, expect, it } from 'vitest';
import { TINY_DRAWING } from '../constants';
import type { Verdict } from '../model/verdict';
import type { Stroke } from '../strokes';
import { isTinyMark, refuseTinyMarks } from './tinyMark';

const bar = (length: number): Stroke => [
  [0.5, 0.2],
  [0.5, 0.2 + length],
];

describe('isTinyMark', () => {
  it('calls no ink, a dot and a mark under TINY_DRAWING tiny', () => {
    expect(isTinyMark([])).toBe(true);
    expect(isTinyMark([[[0.5, 0.5]]])).toBe(true);
    expect(isTinyMark([bar(TINY_DRAWING * 0.9)])).toBe(true);
  });

  it('calls a mark at TINY_DRAWING or longer, on its longer side, not tiny', () => {
    expect(isTinyMark([bar(TINY_DRAWING)])).toBe(false);
    expect(isTinyMark([bar(0.6)])).toBe(false);
    // Thin but long: the longer side counts.
    const dash: Stroke = [
      [0.2, 0.5],
      [0.4, 0.5],
    ];
    expect(isTinyMark([dash])).toBe(false);
  });
});

describe('refuseTinyMarks', () => {
  const read = (digit: number, verdict: Verdict | null) => ({ digit, verdict });

  it("makes a tiny candidate's verdict not-a-digit and leaves the rest", () => {
    const readings = [read(1, 'sure'), read(7, 'unsure'), read(3, 'sure')];
    expect(refuseTinyMarks(readings, [false, true, false])).toEqual([
      read(1, 'sure'),
      read(7, 'not-a-digit'),
      read(3, 'sure'),
    ]);
    // The readings given are not changed.
    expect(readings[1]!.verdict).toBe('unsure');
  });

  it('has no verdict to refuse for a model without calibration', () => {
    expect(refuseTinyMarks([read(1, null)], [true])).toEqual([read(1, null)]);
  });
});
