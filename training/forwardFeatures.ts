import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS, INPUT_SIZE } from '../src/constants';
import type { ForwardModel } from '../src/model/forwardModel';

/** The app's forward pass over n images: each one's penultimate features and raw outputs. */
export interface ForwardResults {
  /** n x featureSize, back to back. */
  features: Float32Array;
  featureSize: number;
  /** n x the model's outputs (dense_1's ten logits first), back to back. */
  outputs: Float32Array;
  outputSize: number;
}

/** Runs the app's forward model (not tfjs-layers) on `count` images stored back to back. */
export async function forwardFeatures(
  model: ForwardModel,
  images: Float32Array,
  count: number,
  batchSize = 250,
): Promise<ForwardResults> {
  let result: ForwardResults | null = null;
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const { features, outputs } = tf.tidy(() =>
      model.forward(
        tf.tensor3d(images.subarray(start * INPUT_PIXELS, (start + n) * INPUT_PIXELS), [
          n,
          INPUT_SIZE,
          INPUT_SIZE,
        ]),
      ),
    );
    const [f, o] = await Promise.all([features.data(), outputs.data()]);
    const featureSize = features.shape[1];
    const outputSize = outputs.shape[1];
    tf.dispose([features, outputs]);
    result ??= {
      features: new Float32Array(count * featureSize),
      featureSize,
      outputs: new Float32Array(count * outputSize),
      outputSize,
    };
    result.features.set(f as Float32Array, start * featureSize);
    result.outputs.set(o as Float32Array, start * outputSize);
  }
  if (!result) throw new Error('no images to run');
  return result;
}
