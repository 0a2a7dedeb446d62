/**
 * Numerically stable softmax of a few logits (the model outputs logits; the app shows both).
 * A temperature above 1 softens overconfident scores (calibration) without changing their order.
 */
export function softmax(logits: ArrayLike<number>, temperature = 1): number[] {
  const values = Array.from(logits, (v) => v / temperature);
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Index of the largest value (the first one on ties), or -1 for an empty list. */
export function argMax(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (best < 0 || values[i]! > values[best]!) best = i;
  }
  return best;
}
