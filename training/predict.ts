import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS, INPUT_SIZE } from '../src/constants';
import { accuracyReport, type AccuracyReport } from './confusion';

/** Model inputs stored back to back (n x 784 floats, 0..1) and their labels. */
export interface LabelledInputs {
  images: Float32Array;
  labels: ArrayLike<number>;
}

/** The model's accuracy report on a labelled set. */
export async function measureAccuracy(
  model: tf.LayersModel,
  { images, labels }: LabelledInputs,
): Promise<AccuracyReport> {
  return accuracyReport(await predictClasses(model, images, labels.length), labels);
}

/** Argmax of the model's logits for `count` images stored back to back, in batches. */
export async function predictClasses(
  model: tf.LayersModel,
  images: Float32Array,
  count: number,
  batchSize = 500,
): Promise<Int32Array> {
  const out = new Int32Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const classes = tf.tidy(() => {
      const x = tf.tensor3d(images.subarray(start * INPUT_PIXELS, (start + n) * INPUT_PIXELS), [
        n,
        INPUT_SIZE,
        INPUT_SIZE,
      ]);
      return tf.argMax(model.predict(x) as tf.Tensor2D, 1);
    });
    out.set(await classes.data(), start);
    classes.dispose();
  }
  return out;
}

/** MNIST bytes (0..255) as the model's 0..1 floats. */
export function bytesToFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
}
