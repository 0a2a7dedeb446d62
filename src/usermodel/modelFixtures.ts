// Tiny models for the tests of loadUserModel (never imported by the app): a network that reads
// the known test drawings by template matching, folded so it expects any input convention,
// as a tfjs layers model (saved by tfjs-layers itself) or a hand-written graph model.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { INPUT_PIXELS, NUM_CLASSES } from '../constants';
import type { InputConvention } from './conventions';
import { concatBuffers } from './modelFiles';
import { probeInputs } from './probeInputs';

export interface FixtureModel {
  modelJson: Record<string, unknown>;
  weightData: ArrayBuffer;
}

/**
 * One hidden unit per known drawing (784 -> 21 relu -> 10), each voting for its digit, and one
 * that fires on a bright background and votes 0: fed a convention it was not folded for (a grey
 * or white background), the network reads most drawings as 0.
 */
export interface TemplateWeights {
  w1: Float32Array; // [784, units]
  b1: Float32Array;
  w2: Float32Array; // [units, 10]
  b2: Float32Array;
  units: number;
}

/** Total ink (0..1 units) above which the page's input is a bright background, not a digit. */
const BRIGHT = 300;

/**
 * Unit j fires when the input is close to drawing j (its projection on drawing j's direction
 * passes 0.8 of the drawing's own length). Folded for `convention`: the model computes for an
 * input in that convention what the page-convention model computes for the page's input.
 */
export function templateWeights(
  convention: InputConvention = { range: '0..1', polarity: 'white-on-black' },
): TemplateWeights {
  const { inputs, labels } = probeInputs();
  const units = inputs.length + 1;
  const [scale, offset] =
    convention.range === '0..255' ? [255, 0] : convention.range === '-1..1' ? [2, -1] : [1, 0];
  const sign = convention.polarity === 'black-on-white' ? -1 : 1;
  const w1 = new Float32Array(INPUT_PIXELS * units);
  const b1 = new Float32Array(units);
  const w2 = new Float32Array(units * NUM_CLASSES);
  /** Unit j computes weights . x + bias for the page's x, from the input as the model gets it. */
  const fold = (j: number, weights: Float32Array, bias: number) => {
    const sum = weights.reduce((a, b) => a + b, 0);
    weights.forEach((v, i) => (w1[i * units + j] = (sign * v) / scale));
    // Page input x = (x' - offset) / scale, or 1 minus that for inverted polarity.
    b1[j] = bias + (sign > 0 ? (-offset / scale) * sum : sum * (1 + offset / scale));
  };
  inputs.forEach((t, j) => {
    const length = Math.hypot(...t);
    fold(
      j,
      t.map((v) => v / length),
      -0.8 * length,
    );
    w2[j * NUM_CLASSES + labels[j]!] = 1;
  });
  fold(inputs.length, new Float32Array(INPUT_PIXELS).fill(1), -BRIGHT);
  w2[inputs.length * NUM_CLASSES] = 100;
  return { w1, b1, w2, b2: new Float32Array(NUM_CLASSES), units };
}

type ImageShape = [784] | [28, 28] | [28, 28, 1];

/** The template network as a layers model, saved by tfjs-layers into model.json + weights. */
export async function layersFixture(
  options: {
    weights?: TemplateWeights;
    imageShape?: ImageShape;
    softmax?: boolean;
    /** A second output first, to check which output is read. */
    extraOutput?: { name: string; units: number };
  } = {},
): Promise<FixtureModel> {
  const weights = options.weights ?? templateWeights();
  const imageShape = options.imageShape ?? [28, 28];
  const input = tfl.input({ shape: imageShape, name: 'image' });
  const flat = imageShape.length > 1 ? tfl.layers.flatten().apply(input) : input;
  const hidden = tfl.layers.dense({ units: weights.units, activation: 'relu', name: 'hidden' });
  const features = hidden.apply(flat) as tfl.SymbolicTensor;
  const digits = tfl.layers.dense({
    units: NUM_CLASSES,
    activation: options.softmax ? 'softmax' : 'linear',
    name: 'dense_1',
  });
  const outputs = [digits.apply(features) as tfl.SymbolicTensor];
  if (options.extraOutput) {
    const { name, units } = options.extraOutput;
    outputs.unshift(tfl.layers.dense({ units, name }).apply(features) as tfl.SymbolicTensor);
  }
  const model = tfl.model({ inputs: input, outputs });
  tf.tidy(() => {
    hidden.setWeights([
      tf.tensor2d(weights.w1, [INPUT_PIXELS, weights.units]),
      tf.tensor1d(weights.b1),
    ]);
    digits.setWeights([
      tf.tensor2d(weights.w2, [weights.units, NUM_CLASSES]),
      tf.tensor1d(weights.b2),
    ]);
  });
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  const { modelTopology, weightSpecs, weightData, format, generatedBy } = saved!;
  return {
    modelJson: {
      format,
      generatedBy,
      modelTopology,
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: weightSpecs }],
    },
    weightData: weightData as ArrayBuffer,
  };
}

const dims = (shape: readonly number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const node = (name: string, op: string, input: string[] = [], attr: object = {}) => ({
  name,
  op,
  input,
  attr: { T: { type: 'DT_FLOAT' }, ...attr },
});
const constant = (name: string, dtype = 'DT_FLOAT') => ({
  name,
  op: 'Const',
  attr: { dtype: { type: dtype }, value: { tensor: { dtype } } },
});

/**
 * The template network as a GraphDef in tfjs's JSON (what tensorflowjs_converter writes for a
 * SavedModel): Placeholder, Reshape, MatMul, BiasAdd, Relu, MatMul, BiasAdd, Softmax, Identity.
 */
export function graphFixture(
  options: {
    weights?: TemplateWeights;
    imageShape?: number[];
    softmax?: boolean;
    /** Write the signature where converters put it: top level, in userDefinedMetadata, or not. */
    signature?: 'top' | 'metadata' | 'none';
    /** Replace the Relu with this op (an op tfjs does not know, say). */
    reluOp?: string;
    /** The placeholder's batch size: -1 (any) by default. */
    batch?: number;
  } = {},
): FixtureModel {
  const weights = options.weights ?? templateWeights();
  const imageShape = options.imageShape ?? [28, 28, 1];
  const last = options.softmax ? 'probs' : 'logits';
  const inputShape = [options.batch ?? -1, ...imageShape];
  const nodes = [
    {
      name: 'image',
      op: 'Placeholder',
      attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: dims(inputShape) } },
    },
    constant('flat_shape', 'DT_INT32'),
    node('flat', 'Reshape', ['image', 'flat_shape'], { Tshape: { type: 'DT_INT32' } }),
    constant('w1'),
    constant('b1'),
    node('mm1', 'MatMul', ['flat', 'w1'], { transpose_a: { b: false }, transpose_b: { b: false } }),
    node('hidden', 'BiasAdd', ['mm1', 'b1']),
    node('relu', options.reluOp ?? 'Relu', ['hidden']),
    constant('w2'),
    constant('b2'),
    node('mm2', 'MatMul', ['relu', 'w2'], { transpose_a: { b: false }, transpose_b: { b: false } }),
    node('logits', 'BiasAdd', ['mm2', 'b2']),
    ...(options.softmax ? [node('probs', 'Softmax', ['logits'])] : []),
    node('Identity', 'Identity', [last]),
  ];
  const specs = [
    { name: 'flat_shape', shape: [2], dtype: 'int32' },
    { name: 'w1', shape: [INPUT_PIXELS, weights.units], dtype: 'float32' },
    { name: 'b1', shape: [weights.units], dtype: 'float32' },
    { name: 'w2', shape: [weights.units, NUM_CLASSES], dtype: 'float32' },
    { name: 'b2', shape: [NUM_CLASSES], dtype: 'float32' },
  ];
  const signature = {
    inputs: {
      image: { name: 'image:0', dtype: 'DT_FLOAT', tensorShape: dims(inputShape) },
    },
    outputs: {
      dense_1: { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, NUM_CLASSES]) },
    },
  };
  const where = options.signature ?? 'top';
  return {
    modelJson: {
      format: 'graph-model',
      generatedBy: '2.15.0',
      convertedBy: 'modelFixtures.ts',
      modelTopology: { node: nodes, library: {}, versions: { producer: 1482 } },
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: specs }],
      ...(where === 'top' && { signature }),
      ...(where === 'metadata' && { userDefinedMetadata: { signature } }),
    },
    weightData: concatBuffers([
      new Int32Array([-1, INPUT_PIXELS]).buffer,
      weights.w1.buffer as ArrayBuffer,
      weights.b1.buffer as ArrayBuffer,
      weights.w2.buffer as ArrayBuffer,
      weights.b2.buffer as ArrayBuffer,
    ]),
  };
}

/** What the template network computes for `input` (fed as the model expects it), in plain JS. */
export function templateForward(weights: TemplateWeights, input: Float32Array): number[] {
  const { w1, b1, w2, b2, units } = weights;
  const hidden = Array.from(b1, (bias, j) => {
    let sum = bias;
    for (let i = 0; i < INPUT_PIXELS; i++) sum += input[i]! * w1[i * units + j]!;
    return Math.max(0, sum);
  });
  return Array.from(b2, (bias, c) =>
    hidden.reduce((sum, h, j) => sum + h * w2[j * NUM_CLASSES + c]!, bias),
  );
}

/** The model as a person would pick it: model.json and its shard(s) as File objects. */
export function asFiles(
  model: FixtureModel,
  names = { json: 'model.json', shard: 'group1-shard1of1.bin' },
): File[] {
  return [
    new File([JSON.stringify(model.modelJson)], names.json, { type: 'application/json' }),
    new File([model.weightData], names.shard),
  ];
}
