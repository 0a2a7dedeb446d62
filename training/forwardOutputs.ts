import * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS, INPUT_SIZE } from '../src/constants';
import type { ForwardModel } from '../src/model/forwardModel';

/** The app's forward pass over n images: each one's raw outputs. */
export interface ForwardOutputs {
  /** n x the model's outputs (dense_1's ten logits first), back to back. */
  outputs: Float32Array;
  outputSize: number;
}

/** Runs the app's forward model (not tfjs-layers) on `count` images stored back to back. */
export async function forwardOutputs(
  model: ForwardModel,
  images: Float32Array,
  count: number,
  batchSize = 250,
): Promise<ForwardOutputs> {
  let result: ForwardOutputs | null = null;
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const outputs = tf.tidy(() =>
      model.predict(
        tf.tensor3d(images.subarray(start * INPUT_PIXELS, (start + n) * INPUT_PIXELS), [
          n,
          INPUT_SIZE,
          INPUT_SIZE,
        ]),
      ),
    );
    const o = await outputs.data();
    const outputSize = outputs.shape[1]!;
    outputs.dispose();
    result ??= { outputs: new Float32Array(count * outputSize), outputSize };
    result.outputs.set(o as Float32Array, start * outputSize);
  }
  if (!result) throw new Error('no images to run');
  return result;
}
