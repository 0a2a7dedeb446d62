import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadUserModel } from './loadUserModel';
import {
  asFiles,
  graphFixture,
  layersFixture,
  templateWeights,
  type FixtureModel,
} from './modelFixtures';
import { UserModelError } from './UserModel';

/** Loads `model` from files; the UserModelError it fails with, checking nothing is left loaded. */
async function failure(model: FixtureModel | File[]): Promise<UserModelError> {
  const files = Array.isArray(model) ? model : asFiles(model);
  const before = tf.memory().numTensors;
  const error = await loadUserModel({ kind: 'files', files }).then(
    (loaded) => {
      loaded.dispose();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserModelError);
  expect(tf.memory().numTensors).toBe(before);
  return error as UserModelError;
}

/** A layers model of any input and output shape, saved as a person's would be. */
async function layersOf(inputShape: number[], units: number): Promise<FixtureModel> {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ inputShape, units, name: 'out' })],
  });
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return {
    modelJson: {
      format: 'layers-model',
      modelTopology: saved!.modelTopology,
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: saved!.weightSpecs }],
    },
    weightData: saved!.weightData as ArrayBuffer,
  };
}

describe('loadUserModel refuses, in words, and leaves nothing loaded', () => {
  beforeAll(() => tf.setBackend('cpu'));
  afterEach(async () => {
    if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  });

  it('an input that is not one 28x28 image', async () => {
    expect((await failure(graphFixture({ imageShape: [28, 28, 3] }))).message).toBe(
      "The model's input image has shape [-1, 28, 28, 3], not one 28x28 image: the page can feed [-1, 784], [-1, 28, 28] or [-1, 28, 28, 1].",
    );
    const layers = await failure(await layersOf([32, 32], 10));
    expect(layers.message).toMatch(
      /^The model's input \w+ has shape \[-1, 32, 32\], not one 28x28 image/,
    );
  });

  it('an output that is not ten classes', async () => {
    expect((await failure(await layersOf([784], 5))).message).toBe(
      "The model's output is not ten digit classes: out [-1, 5] (the page needs shape [-1, 10]).",
    );
  });

  it('an op TensorFlow.js does not know', async () => {
    const error = await failure(graphFixture({ reluOp: 'FancyRelu' }));
    expect(error.message).toBe(
      'The model uses the operation FancyRelu, which TensorFlow.js cannot run (on any backend).',
    );
    expect(error.detail).toMatch(/^backend cpu: Unknown op 'FancyRelu'/);
  });

  it('a kernel the current backend does not have, naming the backend', async () => {
    // A backend with no kernels registered: every op is missing, as one would be on wasm.
    const cpu = tf.findBackend('cpu')!;
    tf.registerBackend('bare', () => new (cpu.constructor as new () => tf.KernelBackend)());
    await tf.setBackend('bare');
    try {
      const error = await failure(graphFixture());
      expect(error.message).toMatch(
        /^The model uses the operation \w+, which the bare backend cannot run here\. Another backend \(\?backend=webgl, wasm or cpu\) may run it\.$/,
      );
      expect(error.detail).toMatch(/not registered for backend 'bare'/);
    } finally {
      await tf.setBackend('cpu');
      tf.removeBackend('bare');
    }
  });

  it('NaN outputs on the known test drawings', async () => {
    const weights = templateWeights();
    weights.b2.fill(NaN);
    const error = await failure(graphFixture({ weights }));
    expect(error.message).toBe(
      'The model gives NaN or infinite scores for a test drawing: its weights may be damaged.',
    );
    expect((await failure(await layersFixture({ weights }))).message).toBe(error.message);
  });

  it('a layer TensorFlow.js does not have', async () => {
    const fixture = await layersFixture();
    const text = JSON.stringify(fixture.modelJson).replace(
      '"class_name":"Dense"',
      '"class_name":"FancyDense"',
    );
    const modelJson = JSON.parse(text) as Record<string, unknown>;
    expect((await failure({ ...fixture, modelJson })).message).toBe(
      'The model uses the layer FancyDense, which TensorFlow.js does not have.',
    );
  });

  it('a model.json of neither format, or weights that do not fit', async () => {
    const fixture = graphFixture();
    const neither = { ...fixture.modelJson, format: undefined, modelTopology: { nodes: [] } };
    expect((await failure({ ...fixture, modelJson: neither })).message).toBe(
      'This model.json is neither a tfjs graph model nor a tfjs layers model.',
    );
    const [json, shard] = asFiles(fixture);
    const short = new File([new Uint8Array(100)], shard!.name);
    expect((await failure([json!, short])).message).toMatch(
      /^The weight file group1-shard1of1\.bin is too short/,
    );
  });
});
