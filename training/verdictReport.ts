import { NUM_CLASSES } from '../src/constants';
import { interpretOutputs, type Reading } from '../src/model/interpretOutputs';
import type { Calibration } from '../src/model/modelFormat';
import { expectedCalibrationError } from './calibration';
import type { ModelOutputs } from './predict';

/** How honest the page's answers are on real digits, as `npm run eval -- --json` reports it. */
export interface VerdictReport {
  /** Expected calibration error (15 bins) of the page's (calibrated) probabilities. */
  ece: number;
  /** Share of digits called unsure. */
  unsure: number;
  /** Accuracy of the digits answered as sure. */
  sureAccuracy: number;
  /** Share of unsure digits whose truth is one of the two offered. */
  unsureTruthOffered: number;
  /** Share of digits called not a digit. */
  rejected: number;
}

/** The page's reading of every example, exactly as the app computes it. */
export function readings(outputs: ModelOutputs, calibration: Calibration | undefined): Reading[] {
  const count = outputs.logits.length / NUM_CLASSES;
  return Array.from({ length: count }, (_, i) =>
    interpretOutputs(
      outputs.logits.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES),
      outputs.notDigit ? outputs.notDigit[i]! : null,
      calibration,
    ),
  );
}

/** Verdict figures on labelled digits; a model without calibration is judged as all sure. */
export function verdictReport(
  outputs: ModelOutputs,
  labels: ArrayLike<number>,
  calibration: Calibration | undefined,
): VerdictReport {
  const read = readings(outputs, calibration);
  const rejected = read.filter((r) => r.verdict === 'not-a-digit').length;
  const sure = read.flatMap((r, i) =>
    r.verdict === 'unsure' || r.verdict === 'not-a-digit' ? [] : [i],
  );
  const unsure = read.flatMap((r, i) => (r.verdict === 'unsure' ? [i] : []));
  const share = (n: number, of: number) => (of ? n / of : 0);
  return {
    ece: expectedCalibrationError(outputs.logits, labels, calibration?.temperature ?? 1),
    unsure: share(unsure.length, read.length),
    sureAccuracy: share(sure.filter((i) => read[i]!.digit === labels[i]).length, sure.length),
    unsureTruthOffered: share(
      unsure.filter((i) => read[i]!.alternatives.includes(labels[i]!)).length,
      unsure.length,
    ),
    rejected: share(rejected, read.length),
  };
}

/** How many drawings that are not digits the page calls "not a digit". */
export function nonDigitReport(
  outputs: ModelOutputs,
  calibration: Calibration | undefined,
): { count: number; rejected: number } {
  const read = readings(outputs, calibration);
  const rejected = read.filter((r) => r.verdict === 'not-a-digit').length;
  return { count: read.length, rejected: read.length ? rejected / read.length : 0 };
}
