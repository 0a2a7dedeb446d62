import type { Prediction } from '../model/classifier';
import type { BatchView, PredictionState } from '../model/predictionLoop';
import type { Stroke } from '../strokes';
import type { PreparedNumber } from './prepareNumber';
import { chooseSegments, planCandidates } from './segmentation';

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
  const predictions = shown.predictions.map((p, i) =>
    batch.tiny[i] && p.verdict ? { ...p, verdict: 'not-a-digit' as const } : p,
  );
  const candidates = planCandidates(batch.plan);
  const digits = chooseSegments(batch.plan, predictions).map((c) => ({
    prediction: predictions[c]!,
    input: batch.inputs[c]!,
    strokes: candidates[c]!.strokes,
  }));
  return { state, digits, strokes: batch.strokes, error };
}

/** The number as text: each digit, or "?" for one that is not a digit. */
export function numberValue(digits: readonly DigitReading[]): string {
  return digits
    .map(({ prediction }) =>
      prediction.verdict === 'not-a-digit' ? '?' : String(prediction.digit),
    )
    .join('');
}
