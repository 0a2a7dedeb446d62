import type { Prediction } from '../model/classifier';
import type { BatchView, PredictionState } from '../model/predictionLoop';
import type { Verdict } from '../model/verdict';
import type { Stroke } from '../strokes';
import type { PreparedNumber } from './prepareNumber';
import {
  chooseSegments,
  planCandidates,
  wholeCandidate,
  type CandidateReading,
  type ReadingPlan,
} from './segmentation';
import { isNotANumber } from './notANumber';
import { refuseTinyMarks } from './tinyMark';

/** One digit of the number read: the model's reading, the input it read, and its strokes. */
export interface DigitReading {
  prediction: Prediction;
  input: Float32Array;
  /** Indices into the drawing's strokes. */
  strokes: number[];
}

/** What the page shows for the drawing: the digits read, left to right. */
export interface NumberReading {
  state: PredictionState;
  /** This drawing's digits when done; while pending, the drawing before's (answers stay live). */
  digits: DigitReading[];
  /** The drawing the digits were read from (strokes by index). */
  strokes: readonly Stroke[];
  error: string | null;
}

/** Digits read from a batch view: the segmentation the predictions favour, tiny marks refused. */
export function readNumber(view: BatchView<PreparedNumber>): NumberReading {
  const { state, shown, error } = view;
  if (!shown) return { state, digits: [], strokes: [], error };
  const { batch } = shown;
  const digits = shownDigits(batch.plan, shown.predictions, batch.tiny).map((d) => ({
    prediction: d.reading,
    input: batch.inputs[d.candidate]!,
    strokes: d.strokes,
  }));
  return { state, digits, strokes: batch.strokes, error };
}

/**
 * The digits the page shows for a planned drawing, left to right: tiny marks refused, then the
 * segmentation the readings favour; pieces that are not, together, a number are shown as the
 * whole drawing, not a digit (notANumber.ts). Each is a candidate (its index, strokes and
 * reading as shown).
 */
export function shownDigits<R extends CandidateReading & { verdict: Verdict | null }>(
  plan: ReadingPlan,
  readings: readonly R[],
  tiny: readonly boolean[],
): { candidate: number; strokes: number[]; reading: R }[] {
  const refused = refuseTinyMarks(readings, tiny);
  const candidates = planCandidates(plan);
  const chosen = chooseSegments(plan, refused);
  if (isNotANumber(chosen.map((c) => ({ reading: refused[c]!, tiny: tiny[c] ?? false })))) {
    const whole = wholeCandidate(plan);
    const reading = refused[whole]!;
    return [
      {
        candidate: whole,
        strokes: candidates[whole]!.strokes,
        reading: reading.verdict ? { ...reading, verdict: 'not-a-digit' } : reading,
      },
    ];
  }
  return chosen.map((c) => ({
    candidate: c,
    strokes: candidates[c]!.strokes,
    reading: refused[c]!,
  }));
}

/** One digit as the page writes it: the digit, or "?" for one that is not a digit. */
export function digitText({ verdict, digit }: { verdict: Verdict | null; digit: number }): string {
  return verdict === 'not-a-digit' ? '?' : String(digit);
}

/** The number as text: each digit, or "?" for one that is not a digit. */
export function numberValue(digits: readonly DigitReading[]): string {
  return digits.map(({ prediction }) => digitText(prediction)).join('');
}
