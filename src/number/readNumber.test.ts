import { describe, expect, it } from 'vitest';
import type { Prediction } from '../model/classifier';
import { batchView } from '../model/predictionLoop';
import type { Stroke } from '../strokes';
import { prepareNumber } from './prepareNumber';
import { lastWrittenGroup } from './groupStrokes';
import { digitText, numberValue, readNumber, shownDigits } from './readNumber';
import { chooseSegments, wholeCandidate } from './segmentation';
import { line } from './strokeFixtures';

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
/** The whole drawing read as one (the last candidate where there are two groups or more). */
const WHOLE = read(8, 'not-a-digit');

describe('readNumber', () => {
  // Written right to left: the group on the left holds stroke 2.
  const strokes = [at(2), at(1), at(0)];
  const prepared = prepareNumber(strokes, 'mnist');

  it('reads the groups left to right once their predictions land', () => {
    const predictions = [read(2), read(0), read(9), WHOLE];
    const reading = readNumber(batchView(prepared, { batch: prepared, predictions, error: null }));
    expect(reading.state).toBe('done');
    expect(reading.digits.map((d) => d.strokes)).toEqual([[2], [1], [0]]);
    expect(numberValue(reading.digits)).toBe('209');
    expect(reading.digits[0]!.input).toBe(prepared.inputs[0]);
    // The last stroke written (index 2) is in the leftmost digit.
    expect(lastWrittenGroup(reading.digits)).toBe(0);
  });

  it('refuses a tiny mark as "?" without making the whole drawing a non-digit', () => {
    const dotted = prepareNumber([at(0), [[1.5, 0.8]]], 'mnist');
    const predictions = [read(1), read(7), WHOLE];
    const reading = readNumber(batchView(dotted, { batch: dotted, predictions, error: null }));
    // The dot is not a piece of the number (notANumber.ts): the 1 stands beside it.
    expect(numberValue(reading.digits)).toBe('1?');
    expect(reading.digits[1]!.prediction.verdict).toBe('not-a-digit');
    const unsure = [read(1), read(7, 'unsure'), read(3), WHOLE];
    expect(
      numberValue(
        readNumber(batchView(prepared, { batch: prepared, predictions: unsure, error: null }))
          .digits,
      ),
    ).toBe('173');
  });

  it('shows one "?" holding every stroke when a piece that is not tiny is not a digit', () => {
    // Not "2?9": a piece the model calls not a digit (not a tiny mark) makes the drawing not a
    // number but a shape come apart (notANumber.ts), so the page answers the whole drawing.
    const predictions = [read(2), read(0, 'not-a-digit'), read(9), WHOLE];
    const reading = readNumber(batchView(prepared, { batch: prepared, predictions, error: null }));
    expect(numberValue(reading.digits)).toBe('?');
    expect(reading.digits[0]!.strokes).toEqual([0, 1, 2]);
    expect(reading.digits[0]!.input).toBe(prepared.inputs[wholeCandidate(prepared.plan)]);
  });

  it('keeps showing the previous drawing while the new one is pending', () => {
    const next = prepareNumber([...strokes, at(3)], 'mnist');
    const predictions = [read(2), read(0), read(9), WHOLE];
    const result = { batch: prepared, predictions, error: null };
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
    const readings = [read(1), read(1), read(7), WHOLE];
    const shown = shownDigits(plan, readings, [false, false, true, false]);
    expect(shown.map((d) => d.candidate)).toEqual([0, 1, 2]);
    expect(shown.map((d) => d.strokes)).toEqual([[0], [1], [2]]);
    expect(shown.map((d) => digitText(d.reading)).join('')).toBe('11?');
  });

  it('shows a drawing whose pieces are unlikely digits as one "?": an H read as "11"', () => {
    // The bar stops short of the right upright: geometry makes two groups, |- and |.
    const { plan, tiny } = prepareNumber(
      [line(0.1, 0.2, 0.1, 0.8), line(0.12, 0.5, 0.4, 0.5), line(0.5, 0.2, 0.5, 0.8)],
      'mnist',
    );
    expect(plan.groups.map((g) => g.strokes)).toEqual([[0, 1], [2]]);
    const unsure = (digit: number, confidence: number) => ({
      ...read(digit, 'unsure'),
      confidence,
    });
    // The groups, the first's parts (an upright and a bar), and the whole (an unsure 4, say).
    const bar = { ...read(7, 'not-a-digit'), notDigit: 0.9 };
    const whole = unsure(4, 0.5);
    const readings = [unsure(1, 0.45), unsure(1, 0.5), read(1), bar, whole];
    expect(chooseSegments(plan, readings)).toEqual([0, 1]);
    expect(shownDigits(plan, readings, tiny)).toEqual([
      {
        candidate: wholeCandidate(plan),
        strokes: [0, 1, 2],
        reading: { ...whole, verdict: 'not-a-digit' },
      },
    ]);
    // Without calibration there are no verdicts, so no "not a digit": the pieces stand.
    const uncalibrated = readings.map((r) => ({ ...r, verdict: null }));
    expect(shownDigits(plan, uncalibrated, tiny).map((d) => d.candidate)).toEqual([0, 1]);
  });

  it('writes "?" only for not-a-digit', () => {
    expect(digitText(read(4, 'unsure'))).toBe('4');
    expect(digitText(read(4, null))).toBe('4');
    expect(digitText(read(4, 'not-a-digit'))).toBe('?');
  });
});
