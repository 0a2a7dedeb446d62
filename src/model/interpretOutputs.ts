import type { Calibration } from './modelFormat';
import { argMax, softmax } from './softmax';
import { judge, notDigitProbability, type Verdict } from './verdict';

/** What the page shows for one drawing, read from the model's raw outputs. */
export interface Reading {
  /** Calibrated probabilities of the ten digits. */
  probabilities: number[];
  digit: number;
  /** The top digit's calibrated probability. */
  confidence: number;
  /** Probability that the drawing is not a digit, for a model with that output, else null. */
  notDigit: number | null;
  /** Null for a model shipped without calibration (no thresholds to judge by). */
  verdict: Verdict | null;
  /** The two likeliest digits, best first. */
  alternatives: [number, number];
}

/**
 * Ten digit logits (and the not-a-digit logit, if the model has it) -> calibrated
 * probabilities and a verdict. The one place the app and the evaluation both read outputs.
 */
export function interpretOutputs(
  logits: ArrayLike<number>,
  notDigitLogit: number | null,
  calibration: Calibration | undefined,
): Reading {
  const probabilities = softmax(logits, calibration?.temperature ?? 1);
  const digit = argMax(probabilities);
  const notDigit = notDigitLogit === null ? null : notDigitProbability(logits, notDigitLogit);
  const judgement = judge(
    probabilities,
    notDigit,
    calibration?.thresholds ?? { sure: 0, notDigit: Infinity },
  );
  return {
    probabilities,
    digit,
    confidence: probabilities[digit]!,
    notDigit,
    verdict: calibration ? judgement.verdict : null,
    alternatives: judgement.alternatives,
  };
}
