import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { argMax } from '../src/model/softmax';
import { accuracyReport, type AccuracyReport } from './confusion';

/** Model inputs stored back to back (n x 784 floats, 0..1) and their labels. */
export interface LabelledInputs {
  images: Float32Array;
  labels: ArrayLike<number>;
}

/** What a model says about n images: ten digit logits each, and its not-a-digit logit if any. */
export interface ModelOutputs {
  /** n x 10, back to back. */
  logits: Float32Array;
  /** n not-a-digit logits, or null for a model without that output. */
  notDigit: Float32Array | null;
}

/** Two labelled sets as one. */
export function joinSets(a: LabelledInputs, b: LabelledInputs): LabelledInputs {
  const images = new Float32Array(a.images.length + b.images.length);
  images.set(a.images);
  images.set(b.images, a.images.length);
  return { images, labels: Int32Array.from([...Array.from(a.labels), ...Array.from(b.labels)]) };
}

/** The model's accuracy report on a labelled set. */
export async function measureAccuracy(
  model: tf.LayersModel,
  { images, labels }: LabelledInputs,
): Promise<AccuracyReport> {
  return accuracyReport(await predictClasses(model, images, labels.length), labels);
}

/**
 * A model's logits as one [n, width] tensor, in the training head's order: the ten digits, then
 * not-a-digit where the model has it (the served form's two outputs side by side).
 */
export function joinedLogits(model: tf.LayersModel, x: tf.Tensor): tf.Tensor2D {
  const out = model.predict(x);
  return (Array.isArray(out) ? tf.concat(out, 1) : out) as tf.Tensor2D;
}

/**
 * Runs the model on `count` images stored back to back, in batches. Takes both the served form
 * (outputs `dense_1` and `not_digit`) and the training form (one 11-way output).
 */
export async function predictOutputs(
  model: tf.LayersModel,
  images: Float32Array,
  count: number,
  batchSize = 500,
): Promise<ModelOutputs> {
  const logits = new Float32Array(count * NUM_CLASSES);
  let notDigit: Float32Array | null = null;
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const joined = tf.tidy(() => {
      const x = tf.tensor3d(images.subarray(start * INPUT_PIXELS, (start + n) * INPUT_PIXELS), [
        n,
        INPUT_SIZE,
        INPUT_SIZE,
      ]);
      return joinedLogits(model, x);
    });
    const width = joined.shape[1]!;
    const values = await joined.data();
    joined.dispose();
    if (width > NUM_CLASSES) notDigit ??= new Float32Array(count);
    for (let i = 0; i < n; i++) {
      logits.set(values.subarray(i * width, i * width + NUM_CLASSES), (start + i) * NUM_CLASSES);
      if (notDigit) notDigit[start + i] = values[i * width + NUM_CLASSES]!;
    }
  }
  return { logits, notDigit };
}

/** The likeliest digit for each of `count` images stored back to back. */
export async function predictClasses(
  model: tf.LayersModel,
  images: Float32Array,
  count: number,
): Promise<Int32Array> {
  return classesOf(await predictOutputs(model, images, count));
}

/** The likeliest digit of each example's logits. */
export function classesOf({ logits }: ModelOutputs): Int32Array {
  return Int32Array.from({ length: logits.length / NUM_CLASSES }, (_, i) =>
    argMax(logits.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES)),
  );
}

/** MNIST bytes (0..255) as the model's 0..1 floats. */
export function bytesToFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
}
