import { argMax, softmax } from './softmax';

/** What the page answers: a digit it is sure of, two it cannot tell apart, or not a digit. */
export type Verdict = 'sure' | 'unsure' | 'not-a-digit';

/** Chosen on validation data by training (training/thresholds.ts), shipped in model.json. */
export interface VerdictThresholds {
  /** The calibrated top probability at or above which the answer is sure. */
  sure: number;
  /** The not-a-digit probability at or above which the drawing is not a digit. */
  notDigit: number;
}

export interface Judgement {
  verdict: Verdict;
  /** The two likeliest digits, best first. */
  alternatives: [number, number];
}

/**
 * Judges calibrated digit probabilities and, where the model has one, the probability that
 * the drawing is not a digit at all (null for a model without that output).
 */
export function judge(
  probabilities: readonly number[],
  notDigit: number | null,
  thresholds: VerdictThresholds,
): Judgement {
  const first = argMax(probabilities);
  const second = argMax(probabilities.map((p, i) => (i === first ? -Infinity : p)));
  const alternatives: [number, number] = [first, second];
  if (notDigit !== null && notDigit >= thresholds.notDigit) {
    return { verdict: 'not-a-digit', alternatives };
  }
  const sure = (probabilities[first] ?? 0) >= thresholds.sure;
  return { verdict: sure ? 'sure' : 'unsure', alternatives };
}

/**
 * The probability that the drawing is not a digit: the extra class's share of the 11-way
 * softmax the model was trained with (raw logits, no temperature: its threshold is chosen on
 * these values).
 */
export function notDigitProbability(logits: ArrayLike<number>, notDigitLogit: number): number {
  return softmax([...Array.from(logits), notDigitLogit])[logits.length]!;
}
