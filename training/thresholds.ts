import type { VerdictThresholds } from '../src/model/verdict';
import type { Reading } from '../src/model/interpretOutputs';

/** What the thresholds aim for on validation data, with margin over the targets. */
export interface ThresholdTargets {
  /** Accuracy of answers given as sure (target on unseen writers: 99.8%). */
  sureAccuracy: number;
  /** Largest share of real digits called not a digit (target: 1%). */
  maxRejected: number;
}

export const DEFAULT_TARGETS: ThresholdTargets = { sureAccuracy: 0.999, maxRejected: 0.004 };

/**
 * Picks the verdict thresholds on validation readings (with a temperature already applied):
 * the not-a-digit threshold lets at most `maxRejected` of real digits through as rejected, then
 * the sure threshold is the lowest at which the digits answered as sure reach `sureAccuracy`,
 * so as few digits as possible are called unsure.
 */
export function chooseThresholds(
  digits: readonly Reading[],
  labels: ArrayLike<number>,
  targets: ThresholdTargets = DEFAULT_TARGETS,
): VerdictThresholds {
  const scores = digits.map((r) => r.notDigit ?? 0).sort((a, b) => b - a);
  // Just above the score of the last digit we allow to be rejected.
  const allowed = Math.floor(targets.maxRejected * scores.length);
  const notDigit = Math.min(1, Math.max(0.5, (scores[allowed] ?? 0) + 1e-6));

  const kept = digits
    .map((r, i) => ({ confidence: r.confidence, right: r.digit === labels[i] }))
    .filter((_, i) => (digits[i]!.notDigit ?? 0) < notDigit)
    .sort((a, b) => b.confidence - a.confidence);
  // Walk down from the most confident: the sure set grows while its accuracy holds.
  let right = 0;
  let sure = 1;
  kept.forEach((k, n) => {
    if (k.right) right++;
    const next = kept[n + 1];
    if (right / (n + 1) >= targets.sureAccuracy && next?.confidence !== k.confidence) {
      sure = k.confidence;
    }
  });
  return { sure, notDigit };
}
