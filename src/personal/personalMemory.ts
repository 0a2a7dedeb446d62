import { NUM_CLASSES } from '../constants';

/**
 * One kept example: the ten digit logits the network gave the drawing (dense_1, unscaled) and
 * the true digit. The logits are what adaptation compares: see adaptLogits.ts for why.
 */
export interface PersonalExample {
  label: number;
  logits: ArrayLike<number>;
}

/**
 * Kept examples ready to compare against: logits scaled to unit length and stored back to
 * back, so one prediction's similarities are one short pass over a flat array.
 */
export interface PersonalMemory {
  size: number;
  labels: Uint8Array;
  /** size x NUM_CLASSES unit vectors, oldest first. */
  vectors: Float32Array;
}

export const EMPTY_MEMORY: PersonalMemory = {
  size: 0,
  labels: new Uint8Array(0),
  vectors: new Float32Array(0),
};

/** The examples as a memory; each must have ten logits. */
export function personalMemory(examples: readonly PersonalExample[]): PersonalMemory {
  if (examples.length === 0) return EMPTY_MEMORY;
  const vectors = new Float32Array(examples.length * NUM_CLASSES);
  const labels = new Uint8Array(examples.length);
  examples.forEach(({ label, logits }, i) => {
    if (logits.length !== NUM_CLASSES) throw new Error(`expected ${NUM_CLASSES} logits`);
    if (!Number.isInteger(label) || label < 0 || label >= NUM_CLASSES) {
      throw new Error(`label ${label} is not a digit`);
    }
    vectors.set(unitVector(logits), i * NUM_CLASSES);
    labels[i] = label;
  });
  return { size: examples.length, labels, vectors };
}

/** The vector scaled to length 1 (a zero vector stays zero). */
export function unitVector(values: ArrayLike<number>): Float32Array {
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += values[i]! * values[i]!;
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  const unit = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) unit[i] = values[i]! * scale;
  return unit;
}
