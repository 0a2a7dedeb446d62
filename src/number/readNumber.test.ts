import { describe, expect, it } from 'vitest';
import type { Prediction } from '../model/classifier';
import { batchView } from '../model/predictionLoop';
import type { Stroke } from '../strokes';
import { prepareNumber } from './prepareNumber';
import { lastWrittenGroup } from './groupStrokes';
import { digitText, numberValue, readNumber, shownDigits } from './readNumber';

const ONE: Stroke = [
  [0.5, 0.2],
  [0.5, 0.8],
];
const at = (dx: number): Stroke => ONE.map(([x, y]) => [x + dx, y]);
const read = (digit: number, verdict: Prediction['verdict'] = 'sure'): Prediction => ({
  logits: [],
  notDigitLogit: null,
  probabilities: [],
  digit,
  confidence: 0.99,
  notDigit: 0,
  verdict,
  alternatives: [digit, (digit + 1) % 10],
});

describe('readNumber', () => {
  // Written right to left: the group on the left holds stroke 2.
  const strokes = [at(2), at(1), at(0)];
  const prepared = prepareNumber(strokes, 'mnist');

  it('reads the groups left to right once their predictions land', () => {
    const predictions = [read(2), read(0), read(9)];
    const reading = readNumber(batchView(prepared, { batch: prepared, predictions, error: null }));
    expect(reading.state).toBe('done');
    expect(reading.digits.map((d) => d.strokes)).toEqual([[2], [1], [0]]);
    expect(numberValue(reading.digits)).toBe('209');
    expect(reading.digits[0]!.input).toBe(prepared.inputs[0]);
    // The last stroke written (index 2) is in the leftmost digit.
    expect(lastWrittenGroup(reading.digits)).toBe(0);
  });

  it('shows "?" for a group that is not a digit, and refuses tiny marks', () => {
    const dotted = prepareNumber([at(0), [[1.5, 0.8]]], 'mnist');
    const predictions = [read(1), read(7)];
    const reading = readNumber(batchView(dotted, { batch: dotted, predictions, error: null }));
    expect(numberValue(reading.digits)).toBe('1?');
    expect(reading.digits[1]!.prediction.verdict).toBe('not-a-digit');
    const unsure = [read(1), read(7, 'unsure')];
    expect(
      numberValue(
        readNumber(
          batchView(prepared, { batch: prepared, predictions: [...unsure, read(3)], error: null }),
        ).digits,
      ),
    ).toBe('173');
  });

  it('keeps showing the previous drawing while the new one is pending', () => {
    const next = prepareNumber([...strokes, at(3)], 'mnist');
    const result = { batch: prepared, predictions: [read(2), read(0), read(9)], error: null };
    const reading = readNumber(batchView(next, result));
    expect(reading.state).toBe('pending');
    expect(numberValue(reading.digits)).toBe('209');
    expect(reading.strokes).toBe(strokes);
    expect(readNumber(batchView(prepareNumber([], 'mnist'), result)).digits).toEqual([]);
  });
});

describe('shownDigits', () => {
  // Two ones and a dot beside them, as a Node report plans and reads them (no page state).
  const drawing = [at(0), at(1), [[2.5, 0.8]] as Stroke];
  const { plan } = prepareNumber(drawing, 'mnist');

  it('refuses the tiny candidates, then chooses the segments left to right', () => {
    const shown = shownDigits(plan, [read(1), read(1), read(7)], [false, false, true]);
    expect(shown.map((d) => d.candidate)).toEqual([0, 1, 2]);
    expect(shown.map((d) => d.strokes)).toEqual([[0], [1], [2]]);
    expect(shown.map((d) => digitText(d.reading)).join('')).toBe('11?');
  });

  it('writes "?" only for not-a-digit', () => {
    expect(digitText(read(4, 'unsure'))).toBe('4');
    expect(digitText(read(4, null))).toBe('4');
    expect(digitText(read(4, 'not-a-digit'))).toBe('?');
  });
});
