import * as tf from '@tensorflow/tfjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToFloats } from '../predict';
import { loadMnistSplit } from '../mnist';
import { applyConvention, foldInputAffine } from './applyConvention';
import {
  BROKEN_FIXTURES,
  fixturePath,
  GOOD_FIXTURES,
  USER_MODELS_DIR,
  type GoodFixture,
} from './fixtureCatalog';
import { loadFixture, readModelJson, type FixtureModel } from './modelDir';
import { flatten, referencePredict } from './referencePredict';

// Each committed fixture read by tfjs's own loaders: the graph ones give their source layers
// model's outputs (after their convention) and read MNIST; the broken ones fail as named.

/** The first MNIST test images: enough to catch a wrong weight, quick on the cpu backend. */
const COUNT = 50;
/** float32 through two differently ordered sums and a folded first layer. */
const TOLERANCE = 1e-4;

let pixels: Float32Array;
let labels: Uint8Array;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const test = loadMnistSplit('t10k');
  pixels = bytesToFloats(test.images.subarray(0, COUNT * 784));
  labels = test.labels.subarray(0, COUNT);
});

/** The model's outputs for `x` of `shape`: its ten-wide output, as rows. */
function run(loaded: FixtureModel, x: Float32Array, shape: number[]): Float32Array {
  return tf.tidy(() => {
    const raw = loaded.model.predict(tf.tensor(x, shape));
    const out = raw instanceof tf.Tensor ? raw : Object.values(raw)[0]!;
    expect(out.shape).toEqual([shape[0], 10]);
    return out.dataSync() as Float32Array;
  });
}

const batchShape = (inputShape: number[]) => [COUNT, ...inputShape.slice(1)];

function accuracy(outputs: Float32Array): number {
  let right = 0;
  for (let i = 0; i < COUNT; i++) {
    const row = Array.from(outputs.subarray(i * 10, i * 10 + 10));
    if (row.indexOf(Math.max(...row)) === labels[i]) right++;
  }
  return right / COUNT;
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

describe.each(GOOD_FIXTURES)('fixture $dir', (fixture: GoodFixture) => {
  it(`is a ${fixture.format} model reading ${fixture.inputShape} and gives its source's outputs`, async () => {
    const before = tf.memory().numTensors;
    const loaded = await loadFixture(fixturePath(fixture.dir));
    const source = await loadFixture(fixturePath(fixture.source));
    expect(loaded.format).toBe(fixture.format);
    expect(loaded.model.inputs[0]!.shape!.map((d) => d ?? -1)).toEqual(fixture.inputShape);
    const fed = applyConvention(pixels, fixture.convention);
    const outputs = run(loaded, fed, batchShape(fixture.inputShape));
    const expected = tf.tidy(() => {
      const logits = tf.tensor(run(source, pixels, [COUNT, 28, 28]), [COUNT, 10]);
      const probs = fixture.convention.output === 'probabilities' ? tf.softmax(logits) : logits;
      return probs.dataSync() as Float32Array;
    });
    expect(maxAbsDiff(outputs, expected)).toBeLessThanOrEqual(TOLERANCE);
    expect(accuracy(outputs)).toBeGreaterThan(0.9);
    // These logits go negative; probabilities never do.
    expect(outputs.some((v) => v < 0)).toBe(fixture.convention.output === 'logits');
    loaded.model.dispose();
    source.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is small enough to commit (< 500 KB)', () => {
    const dir = fixturePath(fixture.dir);
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(500_000);
  });
});

describe('graph fixtures in the converter format', () => {
  it.each(GOOD_FIXTURES.filter((f) => f.format === 'graph'))('$dir declares its signature', (f) => {
    const json = readModelJson(fixturePath(f.dir)) as tf.io.ModelJSON & {
      signature?: { inputs: Record<string, { tensorShape: { dim: { size: string }[] } }> };
    };
    const signature =
      json.signature ?? (json.userDefinedMetadata?.['signature'] as typeof json.signature);
    const [input] = Object.values(signature?.inputs ?? {});
    expect(json.format).toBe('graph-model');
    expect(input?.tensorShape.dim.map((d) => Number(d.size))).toEqual(f.inputShape);
  });
});

const load = (dir: string) => loadFixture(fixturePath(dir));
const image = (shape: number[]) => tf.zeros(shape);

describe('broken fixtures fail as their names say', () => {
  it('not-tfjs: a JSON with no tfjs format, topology or weights', async () => {
    const json = readModelJson(fixturePath('broken/not-tfjs')) as unknown as Record<
      string,
      unknown
    >;
    expect([json['format'], json['modelTopology'], json['weightsManifest']]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    await expect(load('broken/not-tfjs')).rejects.toThrow(/format undefined/);
  });

  it('missing-shard: the manifest names a shard that is not there', async () => {
    await expect(load('broken/missing-shard')).rejects.toThrow(/ENOENT.*group1-shard2of2\.bin/);
  });

  it('short-shard: tfjs cannot decode the truncated weights', async () => {
    await expect(load('broken/short-shard')).rejects.toThrow(/should have 1280 values but has/);
  });

  it('wrong-input: 32x32 images', async () => {
    const { model } = await load('broken/wrong-input');
    expect(model.inputs[0]!.shape).toEqual([-1, 32, 32, 1]);
    const x = image([1, 28, 28, 1]);
    expect(() => model.predict(x)).toThrow(/must be \[-1,32,32,1\]/);
    tf.dispose([x]);
    model.dispose();
  });

  it('wrong-output: five classes', async () => {
    const loaded = await load('broken/wrong-output');
    const x = image([1, 28, 28, 1]);
    const out = loaded.model.predict(x) as tf.Tensor;
    expect(out.shape).toEqual([1, 5]);
    tf.dispose([x, out]);
    loaded.model.dispose();
  });

  it('unsupported-op: loads, then tfjs cannot run FancyCustomOp', async () => {
    const { model } = await load('broken/unsupported-op');
    const x = image([1, 28, 28, 1]);
    expect(() => model.predict(x)).toThrow(/FancyCustomOp/);
    tf.dispose([x]);
    model.dispose();
  });

  it('nan-output: NaN among the outputs of an ordinary image', async () => {
    const loaded = await load('broken/nan-output');
    const outputs = run(loaded, pixels.slice(0, 784), [1, 28, 28, 1]);
    expect(outputs.some(Number.isNaN)).toBe(true);
    loaded.model.dispose();
  });

  it('covers every problem the issue names, once each', () => {
    expect(BROKEN_FIXTURES.map((f) => f.dir).sort()).toEqual(
      readdirSync(join(USER_MODELS_DIR, 'broken'))
        .map((d) => `broken/${d}`)
        .sort(),
    );
  });
});

describe('referencePredict', () => {
  it("gives tfjs's outputs for the tensor the page fed", async () => {
    const fed = applyConvention(
      pixels.subarray(0, 784),
      GOOD_FIXTURES.find((f) => f.dir === 'cnn-graph')!.convention,
    );
    const nested = tf.tensor(fed, [1, 28, 28, 1]).arraySync() as number[][][][];
    const outputs = await referencePredict('cnn-graph', nested);
    const loaded = await load('cnn-graph');
    expect(outputs).toEqual(Array.from(run(loaded, fed, [1, 28, 28, 1])));
    expect(outputs.indexOf(Math.max(...outputs))).toBe(labels[0]);
    loaded.model.dispose();
  });

  it('refuses a batch of two and ragged arrays', async () => {
    await expect(
      referencePredict('dense-graph', [new Array(784).fill(0), new Array(784).fill(0)]),
    ).rejects.toThrow(/batch of one/);
    expect(() => flatten([[1, 2], [3]])).toThrow(/ragged/);
  });
});

describe('README', () => {
  it('describes every fixture', () => {
    const readme = readFileSync(join(USER_MODELS_DIR, 'README.md'), 'utf8');
    for (const { dir } of [...GOOD_FIXTURES, ...BROKEN_FIXTURES])
      expect(readme).toContain(`\`${dir}/\``);
  });
});

describe('foldInputAffine', () => {
  it('reads x_in where the layer read scale * x_in + offset', () => {
    // Two inputs, one unit: W = [2, 3], b = 1; x = 1 - x_in / 255.
    const { kernel, bias } = foldInputAffine(
      Float32Array.of(2, 3),
      Float32Array.of(1),
      -1 / 255,
      1,
    );
    const xIn = [255, 0];
    const folded = kernel[0]! * xIn[0]! + kernel[1]! * xIn[1]! + bias[0]!;
    expect(folded).toBeCloseTo(2 * 0 + 3 * 1 + 1, 5);
  });
});
