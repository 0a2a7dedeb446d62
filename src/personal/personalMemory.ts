import { NUM_CLASSES } from '../constants';

/** One kept example: what the network saw (its penultimate features) and the true digit. */
export interface PersonalExample {
  label: number;
  features: Float32Array;
}

/**
 * Kept examples ready to compare against: features scaled to unit length and stored back to
 * back, so one prediction's similarities are one pass over a flat array.
 */
export interface PersonalMemory {
  size: number;
  featureSize: number;
  labels: Uint8Array;
  /** size x featureSize unit vectors, oldest first. */
  vectors: Float32Array;
  /** Per digit: the unit-length mean of its examples' unit vectors, or null if none. */
  means: (Float32Array | null)[];
}

export const EMPTY_MEMORY: PersonalMemory = {
  size: 0,
  featureSize: 0,
  labels: new Uint8Array(0),
  vectors: new Float32Array(0),
  means: Array.from({ length: NUM_CLASSES }, () => null),
};

/** The examples as a memory; all must have features of the same length. */
export function personalMemory(examples: readonly PersonalExample[]): PersonalMemory {
  if (examples.length === 0) return EMPTY_MEMORY;
  const featureSize = examples[0]!.features.length;
  const vectors = new Float32Array(examples.length * featureSize);
  const labels = new Uint8Array(examples.length);
  const sums = Array.from({ length: NUM_CLASSES }, (): Float32Array | null => null);
  examples.forEach(({ label, features }, i) => {
    if (features.length !== featureSize) throw new Error('examples differ in feature size');
    if (!Number.isInteger(label) || label < 0 || label >= NUM_CLASSES) {
      throw new Error(`label ${label} is not a digit`);
    }
    const unit = unitVector(features);
    vectors.set(unit, i * featureSize);
    labels[i] = label;
    const sum = (sums[label] ??= new Float32Array(featureSize));
    for (let j = 0; j < featureSize; j++) sum[j]! += unit[j]!;
  });
  return {
    size: examples.length,
    featureSize,
    labels,
    vectors,
    means: sums.map((sum) => sum && unitVector(sum)),
  };
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
