import { NUM_CLASSES } from '../src/constants';
import { argMax, softmax } from '../src/model/softmax';

// Temperature scaling (Guo et al., 2017): one number divides every logit, so the ranking of the
// digits (and the accuracy) is unchanged while the probabilities become honest.

/** Rows of NUM_CLASSES logits stored back to back, one row per example. */
export type LogitRows = Float32Array;

const rowOf = (logits: LogitRows, i: number) =>
  logits.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES);

/** Mean negative log-likelihood of the labels under softmax(logits / temperature). */
export function meanNll(logits: LogitRows, labels: ArrayLike<number>, temperature: number): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = softmax(rowOf(logits, i), temperature)[labels[i]!]!;
    sum -= Math.log(Math.max(p, 1e-12));
  }
  return sum / labels.length;
}

/**
 * The temperature that minimises the validation NLL, by golden-section search over its
 * logarithm (the NLL is smooth and has one minimum in T for a fixed model).
 */
export function fitTemperature(
  logits: LogitRows,
  labels: ArrayLike<number>,
  range: [number, number] = [0.2, 10],
): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [a, b] = range.map(Math.log) as [number, number];
  const f = (logT: number) => meanNll(logits, labels, Math.exp(logT));
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-4) {
    if (fc < fd) {
      [b, d, fd] = [d, c, fc];
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      [a, c, fc] = [c, d, fd];
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/**
 * Expected calibration error with equal-width confidence bins: the gap between how sure the
 * model says it is (its top probability) and how often it is right, weighted by bin size.
 */
export function expectedCalibrationError(
  logits: LogitRows,
  labels: ArrayLike<number>,
  temperature = 1,
  bins = 15,
): number {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const p = softmax(rowOf(logits, i), temperature);
    const top = argMax(p);
    const bin = Math.min(bins - 1, Math.floor(p[top]! * bins));
    count[bin]!++;
    confidence[bin]! += p[top]!;
    if (top === labels[i]) correct[bin]!++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b]) ece += Math.abs(correct[b]! - confidence[b]!) / labels.length;
  }
  return ece;
}
