import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../src/constants';
import { forwardModel, UnsupportedModelError } from '../src/model/forwardModel';
import { loadModelFile } from './loadModelFile';
import { ARCHITECTURES, buildModel, NOT_DIGIT_NAME, OUTPUT_NAME, servingModel } from './model';
import { startWasmBackend } from './wasmBackend';

// The app runs models without tfjs-layers; this checks it computes what tfjs-layers computes.

async function artifactsOf(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

describe('forwardModel (the app inference without tfjs-layers)', () => {
  beforeAll(() => startWasmBackend(1));

  for (const arch of ARCHITECTURES) {
    it(`gives tfjs-layers' logits for the ${arch} architecture`, async () => {
      const layersModel = buildModel(arch, 5);
      const forward = forwardModel(await artifactsOf(layersModel));
      expect(forward.inputShape).toEqual([28, 28]);
      const x = tf.tensor3d(
        Float32Array.from({ length: 3 * INPUT_PIXELS }, (_, i) => (Math.cos(i * 0.37) + 1) / 2),
        [3, 28, 28],
      );
      const before = tf.memory().numTensors;
      const actual = tf.tidy(() => forward.predict(x));
      const expected = layersModel.predict(x) as tf.Tensor;
      expect(actual.shape).toEqual([3, 10]);
      const a = await actual.data();
      const e = await expected.data();
      for (let i = 0; i < e.length; i++) expect(a[i]).toBeCloseTo(e[i]!, 4);
      tf.dispose([actual, expected]);
      expect(tf.memory().numTensors).toBe(before);
      forward.dispose();
      layersModel.dispose();
      x.dispose();
    });
  }

  it('gives both outputs of a model trained with the not-a-digit class, digits first', async () => {
    const trained = buildModel('s32-s64', 7, true);
    const served = servingModel(trained);
    const forward = forwardModel(await artifactsOf(served));
    expect(forward.outputs).toEqual([
      { name: OUTPUT_NAME, units: 10 },
      { name: NOT_DIGIT_NAME, units: 1 },
    ]);
    const x = tf.tensor3d(
      Float32Array.from({ length: 2 * INPUT_PIXELS }, (_, i) => (Math.sin(i * 0.21) + 1) / 2),
      [2, 28, 28],
    );
    const actual = tf.tidy(() => forward.predict(x));
    // The split heads compute exactly the 11-way layer they came from.
    const expected = trained.predict(x) as tf.Tensor;
    expect(actual.shape).toEqual([2, 11]);
    const a = await actual.data();
    const e = await expected.data();
    for (let i = 0; i < e.length; i++) expect(a[i]).toBeCloseTo(e[i]!, 4);
    tf.dispose([actual, expected, x]);
    forward.dispose();
    served.dispose();
  });

  it('gives the penultimate features from the same pass as the outputs', async () => {
    const served = servingModel(buildModel('s32-s96', 3, true));
    const forward = forwardModel(await artifactsOf(served));
    const penultimate = tf.model({
      inputs: served.inputs,
      outputs: served.getLayer('dropout').output as tf.SymbolicTensor,
    });
    const x = tf.tensor3d(
      Float32Array.from({ length: 2 * INPUT_PIXELS }, (_, i) => (Math.cos(i * 0.11) + 1) / 2),
      [2, 28, 28],
    );
    const before = tf.memory().numTensors;
    const { features, outputs } = tf.tidy(() => forward.forward(x));
    const predicted = tf.tidy(() => forward.predict(x));
    expect(tf.memory().numTensors).toBe(before + 3);
    expect(features.shape).toEqual([2, 7 * 7 * 96]);
    const expected = penultimate.predict(x) as tf.Tensor;
    const f = await features.data();
    const e = await expected.data();
    for (let i = 0; i < e.length; i++) expect(f[i]).toBeCloseTo(e[i]!, 4);
    expect(Array.from(await outputs.data())).toEqual(Array.from(await predicted.data()));
    tf.dispose([features, outputs, predicted, expected, x]);
    forward.dispose();
    served.dispose();
  });

  it("gives each map layer's output as tfjs-layers computes it, from the shipped files", async () => {
    const { model: layersModel, artifacts } = await loadModelFile('public/model/model.json');
    const forward = forwardModel(artifacts);
    const conv = layersModel.layers.filter((l) => l.getClassName() === 'Conv2D');
    expect(forward.maps.map((m) => m.name)).toEqual(conv.map((l) => l.name));
    expect(forward.maps.map((m) => m.shape)).toEqual(
      conv.map((l) => (l.outputShape as number[]).slice(1)),
    );
    const last = conv[conv.length - 1]!.outputShape as number[];
    expect(forward.featuresLayer).toEqual({
      name: 'flatten',
      size: last[1]! * last[2]! * last[3]!,
    });
    const intermediate = tf.model({
      inputs: layersModel.inputs,
      outputs: conv.map((l) => l.output as tf.SymbolicTensor),
    });
    const x = tf.tensor3d(
      Float32Array.from({ length: 2 * INPUT_PIXELS }, (_, i) => (Math.sin(i * 0.13) + 1) / 2),
      [2, 28, 28],
    );
    const before = tf.memory().numTensors;
    const pass = tf.tidy(() => forward.forward(x, { maps: true }));
    expect(pass.maps).toHaveLength(conv.length);
    const expected = intermediate.predict(x) as tf.Tensor[];
    for (const [i, map] of pass.maps.entries()) {
      expect(map.shape).toEqual(expected[i]!.shape);
      const a = await map.data();
      const e = await expected[i]!.data();
      let worst = 0;
      for (let j = 0; j < e.length; j++) worst = Math.max(worst, Math.abs(a[j]! - e[j]!));
      expect(worst).toBeLessThan(1e-4);
    }
    // The kernel the panel shows beside a map is the layer's own.
    const kernel = forward.kernel('conv1')!;
    expect(Array.from(await kernel.data())).toEqual(
      Array.from(await conv[0]!.getWeights()[0]!.data()),
    );
    expect(forward.kernel('nothing')).toBeNull();
    tf.dispose([pass, ...expected]);
    expect(tf.memory().numTensors).toBe(before);
    forward.dispose();
    layersModel.dispose();
    x.dispose();
  });

  it('refuses layers it does not implement, freeing the weights', async () => {
    const input = tf.input({ shape: [28, 28] });
    const out = tf.layers
      .dense({ units: 10, activation: 'softmax' })
      .apply(tf.layers.flatten().apply(input));
    const model = tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
    const before = tf.memory().numTensors;
    const artifacts = await artifactsOf(model);
    expect(() => forwardModel(artifacts)).toThrow(UnsupportedModelError);
    expect(tf.memory().numTensors).toBe(before);
  });
});
