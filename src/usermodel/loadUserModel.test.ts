import '@tensorflow/tfjs-backend-cpu';
import { readdirSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import { INPUT_CONVENTIONS, toModelInput, type InputConvention } from './conventions';
import { loadUserModel } from './loadUserModel';
import {
  asFiles,
  graphFixture,
  layersFixture,
  templateForward,
  templateWeights,
  type FixtureModel,
} from './modelFixtures';
import { probeInputs } from './probeInputs';
import { predictRequestBody } from './servingMetadata';
import type { Convention, UserModel } from './UserModel';

const page: Convention = { range: '0..1', polarity: 'white-on-black', output: 'logits' };
const { inputs: probes, labels } = probeInputs();
/** A drawing the probes do not hold: a vertical bar. */
const bar = Float32Array.from({ length: INPUT_PIXELS }, (_, i) => (i % 28 === 14 ? 1 : 0));
const drawings = [probes[0]!, probes[7]!, bar];

const load = (model: FixtureModel) => loadUserModel({ kind: 'files', files: asFiles(model) });

/** The model's outputs for the drawings match the template network's, fed the same. */
async function expectTemplateOutputs(
  model: UserModel,
  convention: Convention,
  weights = templateWeights(convention),
) {
  const predictions = await model.predict(drawings, convention);
  predictions.forEach((prediction, i) => {
    const expected = templateForward(weights, toModelInput(drawings[i]!, convention));
    prediction.outputs.forEach((v, c) => expect(v).toBeCloseTo(expected[c]!, 3));
  });
  return predictions;
}

describe('loadUserModel', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('loads a layers model from files, describes it and reads drawings as tfjs-layers does', async () => {
    const model = await load(await layersFixture());
    expect(model.format).toBe('layers');
    expect(model.name).toBe('model.json');
    expect(model.inputShape).toEqual([-1, 28, 28]);
    expect(model.inputs).toEqual([
      { name: expect.stringMatching(/^image/), dtype: 'DT_FLOAT', shape: [-1, 28, 28] },
    ]);
    expect(model.outputs).toEqual([{ name: 'dense_1', dtype: 'DT_FLOAT', shape: [-1, 10] }]);
    expect(model.id).toMatch(/^[0-9a-f]{64}$/);
    expect(model.bytes).toBe(asFiles(await layersFixture()).reduce((n, f) => n + f.size, 0));
    expect(model.guessed).toEqual(page);
    expect(model.probeScores[0]).toEqual({
      range: '0..1',
      polarity: 'white-on-black',
      right: 20,
      total: 20,
    });
    const predictions = await expectTemplateOutputs(model, page);
    expect(predictions.map((p) => p.digit)).toEqual([labels[0], labels[7], expect.any(Number)]);
    model.dispose();
  });

  for (const imageShape of [[784], [28, 28], [28, 28, 1]]) {
    it(`loads a graph model of input [-1, ${imageShape.join(', ')}] and reads drawings`, async () => {
      const model = await load(graphFixture({ imageShape }));
      expect(model.format).toBe('graph');
      expect(model.inputShape).toEqual([-1, ...imageShape]);
      expect(model.inputs).toEqual([
        { name: 'image', dtype: 'DT_FLOAT', shape: [-1, ...imageShape], tensorName: 'image:0' },
      ]);
      expect(model.outputs).toEqual([
        { name: 'dense_1', dtype: 'DT_FLOAT', shape: [-1, 10], tensorName: 'Identity:0' },
      ]);
      expect(model.guessed).toEqual(page);
      await expectTemplateOutputs(model, page);
      model.dispose();
    });
  }

  it("reads a graph model's signature from userDefinedMetadata, or its Placeholder", async () => {
    const inMetadata = await load(graphFixture({ signature: 'metadata' }));
    expect(inMetadata.inputs[0]).toMatchObject({ name: 'image', shape: [-1, 28, 28, 1] });
    inMetadata.dispose();
    const bare = await load(graphFixture({ signature: 'none', imageShape: [784] }));
    expect(bare.inputs).toEqual([
      { name: 'image', dtype: 'DT_FLOAT', shape: [-1, 784], tensorName: 'image:0' },
    ]);
    // Without a signature the output's shape is the one computed on the first run.
    expect(bare.outputs).toEqual([
      { name: 'Identity', dtype: 'DT_FLOAT', shape: [-1, 10], tensorName: 'Identity:0' },
    ]);
    await expectTemplateOutputs(bare, page);
    bare.dispose();
  });

  it('feeds a model whose batch is fixed at 1 one drawing at a time', async () => {
    const model = await load(graphFixture({ batch: 1 }));
    expect(model.inputShape).toEqual([1, 28, 28, 1]);
    expect(model.probeScores[0]!.right).toBe(20);
    await expectTemplateOutputs(model, page);
    model.dispose();
  });

  it('reads the digit output of a model with two outputs', async () => {
    const notDigit = await load(
      await layersFixture({ extraOutput: { name: 'not_digit', units: 1 } }),
    );
    expect(notDigit.outputs.map((o) => [o.name, o.shape])).toEqual([
      ['not_digit', [-1, 1]],
      ['dense_1', [-1, 10]],
    ]);
    await expectTemplateOutputs(notDigit, page);
    notDigit.dispose();
    const twoOfTen = await load(
      await layersFixture({ extraOutput: { name: 'scores', units: 10 } }),
    );
    await expectTemplateOutputs(twoOfTen, page);
    twoOfTen.dispose();
  });

  it('guesses probabilities for a model ending in a softmax', async () => {
    for (const fixture of [
      await layersFixture({ softmax: true }),
      graphFixture({ softmax: true }),
    ]) {
      const model = await load(fixture);
      expect(model.guessed).toEqual({ ...page, output: 'probabilities' });
      const [first] = await model.predict([probes[0]!], model.guessed);
      expect(first!.probabilities).toEqual(first!.outputs);
      expect(first!.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      model.dispose();
    }
  });

  describe('guesses the input convention a model was folded to expect', () => {
    const name = (c: InputConvention) => `${c.range}, ${c.polarity}`;
    for (const convention of INPUT_CONVENTIONS) {
      it(`graph model, ${name(convention)}`, async () => {
        const weights = templateWeights(convention);
        const model = await load(graphFixture({ weights }));
        const guessed = { ...convention, output: 'logits' as const };
        expect(model.guessed).toEqual(guessed);
        expect(model.probeScores[0]).toEqual({ ...convention, right: 20, total: 20 });
        await expectTemplateOutputs(model, guessed, weights);
        model.dispose();
      });
    }
    for (const convention of INPUT_CONVENTIONS.filter((c) => c.range !== '0..1')) {
      it(`layers model, ${name(convention)}`, async () => {
        const model = await load(await layersFixture({ weights: templateWeights(convention) }));
        expect(model.guessed).toEqual({ ...convention, output: 'logits' });
        model.dispose();
      });
    }
  });

  it('gives the fed tensor as nested arrays with a batch of one, in the model input shape', async () => {
    for (const imageShape of [[784], [28, 28], [28, 28, 1]]) {
      const model = await load(graphFixture({ imageShape }));
      const convention: Convention = {
        range: '-1..1',
        polarity: 'black-on-white',
        output: 'logits',
      };
      const fed = model.fedTensor(bar, convention) as unknown[];
      const flat = toModelInput(bar, convention);
      expect(shapeOf(fed)).toEqual([1, ...imageShape]);
      expect((fed as number[][]).flat(3)).toEqual(Array.from(flat));
      expect(JSON.parse(predictRequestBody(fed))).toEqual({ inputs: fed });
      model.dispose();
    }
  });

  it('keeps tensors flat across predictions and frees them all on dispose', async () => {
    const start = tf.memory().numTensors;
    const model = await load(graphFixture());
    const loaded = model.numTensors();
    expect(loaded).toBeGreaterThan(start);
    await model.predict(drawings, page);
    await model.predict([bar], { ...page, range: '0..255' });
    expect(model.numTensors()).toBe(loaded);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
    const layers = await load(await layersFixture());
    await layers.predict(drawings, page);
    layers.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reloads a kept copy with the same id and the same answers', async () => {
    const model = await load(graphFixture());
    const kept = await loadUserModel({
      kind: 'kept',
      kept: { name: 'mine', artifacts: structuredClone(model.artifacts) },
    });
    expect(kept.name).toBe('mine');
    expect(kept.id).toBe(model.id);
    expect(kept.bytes).toBe(model.bytes);
    const [a, b] = [await model.predict(drawings, page), await kept.predict(drawings, page)];
    expect(b).toEqual(a);
    model.dispose();
    kept.dispose();
  });

  it('guesses the conventions of a converted fixture model (e2e/user-models)', async () => {
    // Read as data, not imported: a graph model folded for 0..255 black on white, ending in a
    // softmax, its signature in userDefinedMetadata (see e2e/user-models/README.md).
    const dir = 'e2e/user-models/dense-graph-255-inverted';
    const files = readdirSync(dir).map((n) => new File([readFileSync(`${dir}/${n}`)], n));
    const model = await loadUserModel({ kind: 'files', files });
    expect(model.format).toBe('graph');
    expect(model.inputShape).toEqual([-1, 28, 28]);
    expect(model.outputs.map((o) => o.name)).toEqual(['output_0']);
    expect(model.guessed).toEqual({
      range: '0..255',
      polarity: 'black-on-white',
      output: 'probabilities',
    });
    expect(model.probeScores[0]!.right).toBeGreaterThanOrEqual(18);
    expect(model.probeScores[1]!.right).toBeLessThanOrEqual(5);
    model.dispose();
  });

  it('loads from a URL resolved against the base it is given', async () => {
    const fixture = graphFixture();
    const served: Record<string, BodyInit> = {
      'https://digits.example/models/model.json': JSON.stringify(fixture.modelJson),
      'https://digits.example/models/group1-shard1of1.bin': fixture.weightData,
    };
    const fetch = async (url: string) =>
      url in served ? new Response(served[url]) : new Response('', { status: 404 });
    const model = await loadUserModel(
      { kind: 'url', url: '../models/model.json' },
      { base: 'https://digits.example/app/', fetch },
    );
    expect(model.name).toBe('https://digits.example/models/model.json');
    const fromFiles = await load(fixture);
    expect(model.id).toBe(fromFiles.id);
    fromFiles.dispose();
    await expectTemplateOutputs(model, page);
    model.dispose();
  });
});

function shapeOf(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...shapeOf(value[0])] : [];
}
