import * as tf from '@tensorflow/tfjs-core';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../constants';
import { fallBackFromWebgl, startBackend, watchContextLoss, type BackendChoice } from './backend';
import type { BackendRequest } from './backendRequest';
import { fetchModelArtifacts } from './fetchModelArtifacts';
import { forwardModel, type ForwardModel, type MapLayer } from './forwardModel';
import { ModelLoadError } from './ModelLoadError';
import { readMetadata, type ModelMetadata } from './modelFormat';
import { interpretOutputs, type Reading } from './interpretOutputs';

/** One drawing read: the raw digit logits (`dense_1`, unscaled) and what the page shows. */
export interface Prediction extends Reading {
  logits: number[];
  /** The raw not-a-digit logit, for a model with that output, else null. */
  notDigitLogit: number | null;
  /** What the Layers panel shows, from the same forward pass; only when asked for. */
  layers?: LayerOutputs;
}

/** One input's intermediate outputs. */
export interface LayerOutputs {
  /** Each map layer's output, [height, width, channels] channels last, `Classifier.maps` order. */
  maps: Float32Array[];
  /** The penultimate features every output reads. */
  features: Float32Array;
}

export interface PredictOptions {
  /** Also read back each input's intermediate outputs (the Layers panel). */
  layers?: boolean;
}

export interface Classifier {
  backend: BackendChoice;
  metadata: ModelMetadata | null;
  /** Size of the model files as downloaded (model.json plus weights). */
  modelBytes: number;
  /** The model's outputs in order: `dense_1`'s ten logits first. */
  outputs: { name: string; units: number }[];
  /** The layers whose outputs are feature maps, in order (what `maps` predictions hold). */
  maps: MapLayer[];
  /** The layer the penultimate features come from, and their count. */
  featuresLayer: { name: string; size: number };
  /** A convolution's kernel values, [height, width, input channels, filters]; null if none. */
  kernel(name: string): Float32Array | null;
  /** Reads the inputs (784 values each) in one batched call: one prediction per input. */
  predict(inputs: readonly Float32Array[], options?: PredictOptions): Promise<Prediction[]>;
  /**
   * Set while a better backend may still come (see BackendChoice.upgrade): resolves to this
   * classifier with the reason it stays, or to a new classifier on WebGL, warmed up (this one
   * is then to be disposed). Called once, by whoever keeps the classifier: a load nobody keeps
   * must not switch the backend. Never rejects.
   */
  settle?: () => Promise<Classifier>;
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
    fetchModelArtifacts(modelJsonUrl).finally(() => performance.mark('model-files')),
    startBackend(backendRequest).finally(() => performance.mark('backend-started')),
  ]);
  const classifier = await buildClassifier(artifacts, bytes, backend);
  const { upgrade } = backend;
  if (!upgrade) return classifier;
  const settle = async (): Promise<Classifier> => {
    const final = await upgrade();
    if (final.name === classifier.backend.name) return { ...classifier, backend: final };
    try {
      return await buildClassifier(artifacts, bytes, final);
    } catch {
      // WebGL started but cannot run the model: back to the backend that answered.
      return { ...classifier, backend: await fallBackFromWebgl(classifier.backend.name) };
    }
  };
  return { ...classifier, settle };
}

/** The model on the backend just started: its weights uploaded, warmed up. */
async function buildClassifier(
  artifacts: tf.io.ModelArtifacts,
  bytes: number,
  backend: BackendChoice,
): Promise<Classifier> {
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
  const run = async (
    inputs: readonly Float32Array[],
    options: PredictOptions = {},
  ): Promise<Prediction[]> => {
    if (inputs.length === 0) return [];
    const batch = new Float32Array(inputs.length * INPUT_PIXELS);
    inputs.forEach((input, i) => {
      if (input.length !== INPUT_PIXELS) throw new Error(`expected ${INPUT_PIXELS} values`);
      batch.set(input, i * INPUT_PIXELS);
    });
    const withLayers = options.layers === true;
    const pass = tf.tidy(() =>
      model.forward(tf.tensor3d(batch, [inputs.length, INPUT_SIZE, INPUT_SIZE]), {
        maps: withLayers,
      }),
    );
    let outputs: Float32Array;
    let layers: { maps: Float32Array[]; features: Float32Array } | null = null;
    try {
      // Blocking reads. The async data() waits for a GPU fence that Chromium reports about
      // once per frame: measured in headless Chromium (software WebGL), a model whose work
      // takes 3 ms took 20-30 ms to read asynchronously, and 3 ms with dataSync. For a model
      // this small the block is shorter than the wait. The first read waits for the whole
      // pass; the features and maps are computed by then.
      outputs = pass.outputs.dataSync() as Float32Array;
      if (withLayers) {
        layers = {
          maps: pass.maps.map((m) => m.dataSync() as Float32Array),
          features: pass.features.dataSync() as Float32Array,
        };
      }
    } finally {
      tf.dispose(pass);
    }
    // Damaged weights or a broken GPU show up as NaN or Infinity: never show them as scores.
    if (!outputs.every(Number.isFinite)) {
      throw new ModelLoadError(
        'The model produced invalid scores; its files may be damaged.',
        `outputs ${Array.from(outputs).join(', ')}`,
      );
    }
    // Per input: dense_1's ten logits first, then a not_digit logit where the model has one.
    const rowOf = (values: Float32Array, i: number) => {
      const size = values.length / inputs.length;
      return values.slice(i * size, (i + 1) * size);
    };
    return inputs.map((_, i) => {
      const row = Array.from(rowOf(outputs, i));
      const logits = row.slice(0, NUM_CLASSES);
      const notDigit = row.length > NUM_CLASSES ? row[NUM_CLASSES]! : null;
      return {
        logits,
        notDigitLogit: notDigit,
        ...(layers && {
          layers: {
            maps: layers.maps.map((m) => rowOf(m, i)),
            features: rowOf(layers.features, i),
          },
        }),
        ...interpretOutputs(logits, notDigit, metadata?.calibration),
      };
    });
  };
  const kernelValues = new Map<string, Float32Array | null>();
  try {
    // On WebGL this compiles the shader programs (a second or more in software); on wasm it is
    // the first call's setup (about 70 ms). Tried: marking the page ready before it on wasm;
    // no measurable gain in first visits (776 vs 773 ms medians), so the page waits for it.
    const start = performance.now();
    await run([new Float32Array(INPUT_PIXELS)]);
    performance.measure('warm-up', { start, end: performance.now() });
  } catch (error) {
    model.dispose();
    throw error;
  }
  return {
    backend: { name: backend.name, fallbackReason: backend.fallbackReason },
    metadata,
    modelBytes: bytes,
    outputs: model.outputs,
    maps: model.maps,
    featuresLayer: model.featuresLayer,
    kernel: (name) => {
      // Weights never change: read once, on the first look.
      if (!kernelValues.has(name)) {
        kernelValues.set(name, (model.kernel(name)?.dataSync() as Float32Array) ?? null);
      }
      return kernelValues.get(name) ?? null;
    },
    predict: run,
    numTensors: () => tf.memory().numTensors,
    onContextLost: watchContextLoss,
    dispose: () => model.dispose(),
  };
}
