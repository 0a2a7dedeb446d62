import * as tf from '@tensorflow/tfjs-core';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../constants';
import { startBackend, watchContextLoss, type BackendChoice } from './backend';
import type { BackendRequest } from './backendRequest';
import { fetchModelArtifacts } from './fetchModelArtifacts';
import { forwardModel, type ForwardModel } from './forwardModel';
import { ModelLoadError } from './ModelLoadError';
import { readMetadata, type ModelMetadata } from './modelFormat';
import { interpretOutputs, type Reading } from './interpretOutputs';

/** One drawing read: the raw digit logits (`dense_1`, unscaled) and what the page shows. */
export interface Prediction extends Reading {
  logits: number[];
  /** The raw not-a-digit logit, for a model with that output, else null. */
  notDigitLogit: number | null;
}

export interface Classifier {
  backend: BackendChoice;
  metadata: ModelMetadata | null;
  /** Size of the model files as downloaded (model.json plus weights). */
  modelBytes: number;
  /** Reads the inputs (784 values each) in one batched call: one prediction per input. */
  predict(inputs: readonly Float32Array[]): Promise<Prediction[]>;
  /** Calls back once if the GPU context is lost; the classifier is then unusable. */
  onContextLost(callback: () => void): () => void;
  /** Tensors alive in the backend: flat across predictions, or something leaks. */
  numTensors(): number;
  dispose(): void;
}

/**
 * Loads the model (checked fetch), starts the backend and warms it up with a zeros input, so
 * the shader programs are compiled before the first real prediction.
 */
export async function loadClassifier(
  modelJsonUrl: string,
  backendRequest: BackendRequest = 'auto',
): Promise<Classifier> {
  const [{ artifacts, bytes }, backend] = await Promise.all([
    fetchModelArtifacts(modelJsonUrl),
    startBackend(backendRequest),
  ]);
  let model: ForwardModel;
  try {
    model = forwardModel(artifacts);
  } catch (error) {
    throw new ModelLoadError(
      'The model files do not fit together (the description and the weights disagree).',
      (error as Error).message,
    );
  }
  const metadata = readMetadata(artifacts.userDefinedMetadata);
  const run = async (inputs: readonly Float32Array[]): Promise<Prediction[]> => {
    if (inputs.length === 0) return [];
    const batch = new Float32Array(inputs.length * INPUT_PIXELS);
    inputs.forEach((input, i) => {
      if (input.length !== INPUT_PIXELS) throw new Error(`expected ${INPUT_PIXELS} values`);
      batch.set(input, i * INPUT_PIXELS);
    });
    const result = tf.tidy(() =>
      model.predict(tf.tensor3d(batch, [inputs.length, INPUT_SIZE, INPUT_SIZE])),
    );
    let outputs: Float32Array;
    try {
      // A blocking read. The async data() waits for a GPU fence that Chromium reports about
      // once per frame: measured in headless Chromium (software WebGL), a model whose work
      // takes 3 ms took 20-30 ms to read asynchronously, and 3 ms with dataSync. For a model
      // this small the block is shorter than the wait.
      outputs = result.dataSync() as Float32Array;
    } finally {
      tf.dispose(result);
    }
    // Damaged weights or a broken GPU show up as NaN or Infinity: never show them as scores.
    if (!outputs.every(Number.isFinite)) {
      throw new ModelLoadError(
        'The model produced invalid scores; its files may be damaged.',
        `outputs ${Array.from(outputs).join(', ')}`,
      );
    }
    // Per input: dense_1's ten logits first, then a not_digit logit where the model has one.
    const width = outputs.length / inputs.length;
    return inputs.map((_, i) => {
      const row = Array.from(outputs.subarray(i * width, (i + 1) * width));
      const logits = row.slice(0, NUM_CLASSES);
      const notDigit = width > NUM_CLASSES ? row[NUM_CLASSES]! : null;
      return {
        logits,
        notDigitLogit: notDigit,
        ...interpretOutputs(logits, notDigit, metadata?.calibration),
      };
    });
  };
  try {
    await run([new Float32Array(INPUT_PIXELS)]);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return {
    backend,
    metadata,
    modelBytes: bytes,
    predict: run,
    numTensors: () => tf.memory().numTensors,
    onContextLost: watchContextLoss,
    dispose: () => model.dispose(),
  };
}
