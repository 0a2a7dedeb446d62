import type { JoinModel } from '../src/number/segmentation';

// The join model's fitting method (training/fitJoins.ts): plain TypeScript and deterministic,
// so the shipped src/number/joinModel.json can be refitted exactly.

/** A logistic model over standardised features, before its decision threshold is chosen. */
export type LogisticModel = Omit<JoinModel, 'threshold'>;

/** Logistic regression on standardised features, by full-batch gradient descent with L2. */
export function fitLogistic(
  features: readonly number[][],
  labels: readonly number[],
  { steps = 4000, rate = 1, l2 = 0.01 } = {},
): LogisticModel {
  const d = features[0]!.length;
  const n = features.length;
  const mean = Array.from({ length: d }, (_, j) => features.reduce((s, f) => s + f[j]!, 0) / n);
  const scale = mean.map((m, j) => {
    const v = features.reduce((s, f) => s + (f[j]! - m) ** 2, 0) / n;
    return Math.sqrt(v) || 1;
  });
  const z = features.map((f) => f.map((x, j) => (x - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    z.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-(bias + row.reduce((s, x, j) => s + x * weights[j]!, 0))));
      const err = p - labels[i]!;
      row.forEach((x, j) => (grad[j]! += (err * x) / n));
      gradBias += err / n;
    });
    weights.forEach((w, j) => (weights[j] = w - rate * (grad[j]! + l2 * w)));
    bias -= rate * gradBias;
  }
  return { mean, scale, weights, bias };
}
