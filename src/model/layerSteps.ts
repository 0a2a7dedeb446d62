import * as tf from '@tensorflow/tfjs-core';
import { UnsupportedModelError } from './UnsupportedModelError';

// Each supported Keras layer as one core op (or none), built once from its config and weights.
// Conv2D and Dense become fused ops: bias and relu inside the same WebGL shader program.

export type Layer = { class_name: string; name: string; config: Record<string, unknown> };
export type Step = (x: tf.Tensor) => tf.Tensor;
/** A layer's weight by name, checked against the shape the layer's config implies. */
export type WeightLookup = (layer: Layer, name: string, shape: number[]) => tf.Tensor;

/** What one layer adds to the forward pass. */
export interface BuiltLayer {
  /** Its output shape, without the batch dimension. */
  shape: number[];
  /** The op it runs; none for a layer that passes its input on (InputLayer, Dropout). */
  run?: Step;
  /** Set for a layer whose output is a stack of feature maps (the Layers panel). */
  map?: {
    className: 'Conv2D' | 'MaxPooling2D';
    kernelSize: [number, number];
    strides: [number, number];
  };
  /** A convolution's kernel, [height, width, input channels, filters]. */
  kernel?: tf.Tensor4D;
}

/** Builds a layer given its input shape (without the batch dimension). */
export type LayerStep = (layer: Layer, input: number[], weight: WeightLookup) => BuiltLayer;

const inputLayer: LayerStep = ({ config }) => ({
  shape: (config.batch_input_shape as (number | null)[]).slice(1) as number[],
});

const reshape: LayerStep = ({ config }) => {
  const target = config.target_shape as number[];
  return { shape: target, run: (x) => tf.reshape(x, [-1, ...target]) };
};

const flatten: LayerStep = (_, input) => {
  const size = input.reduce((a, b) => a * b, 1);
  return { shape: [size], run: (x) => tf.reshape(x, [-1, size]) };
};

/** Identity at inference. */
const dropout: LayerStep = (_, input) => ({ shape: input });

const conv2d: LayerStep = (layer, input, weight) => {
  const c = layer.config;
  const [kh, kw] = c.kernel_size as [number, number];
  const kernelSize: [number, number] = [kh, kw];
  const filters = c.filters as number;
  const strides = c.strides as [number, number];
  const pad = c.padding as 'same' | 'valid';
  expectEqual(layer, 'data_format', c.data_format ?? 'channels_last', 'channels_last');
  expectEqual(layer, 'dilation_rate', String(c.dilation_rate ?? [1, 1]), '1,1');
  const filter = weight(layer, 'kernel', [kh, kw, input[2]!, filters]) as tf.Tensor4D;
  const bias = c.use_bias ? weight(layer, 'bias', [filters]) : undefined;
  const activation = fusedActivation(layer);
  return {
    shape: convOutput(input, kernelSize, strides, pad, filters),
    run: (x) => tf.fused.conv2d({ x: x as tf.Tensor4D, filter, strides, pad, bias, activation }),
    map: { className: 'Conv2D', kernelSize, strides },
    kernel: filter,
  };
};

const maxPooling2d: LayerStep = ({ config }, input) => {
  const pool = config.pool_size as [number, number];
  const strides = (config.strides as [number, number] | null) ?? pool;
  const pad = config.padding as 'same' | 'valid';
  return {
    shape: convOutput(input, pool, strides, pad, input[2]!),
    run: (x) => tf.maxPool(x as tf.Tensor4D, pool, strides, pad),
    map: { className: 'MaxPooling2D', kernelSize: pool, strides },
  };
};

const denseLayer: LayerStep = (layer, input, weight) => ({
  shape: [layer.config.units as number],
  run: dense(layer, input, weight),
});

/** The layer types forwardModel runs, by Keras class name. */
export const LAYER_STEPS: ReadonlyMap<string, LayerStep> = new Map([
  ['InputLayer', inputLayer],
  ['Reshape', reshape],
  ['Flatten', flatten],
  ['Dropout', dropout],
  ['Conv2D', conv2d],
  ['MaxPooling2D', maxPooling2d],
  ['Dense', denseLayer],
]);

/** The layer built by its class's step; an unknown class is refused. */
export function buildLayer(layer: Layer, input: number[], weight: WeightLookup): BuiltLayer {
  const step = LAYER_STEPS.get(layer.class_name);
  if (!step) {
    throw new UnsupportedModelError(`layer ${layer.name}: ${layer.class_name} is not supported`);
  }
  return step(layer, input, weight);
}

/** A Dense layer as one fused matMul + bias (+ relu) program. */
export function dense(layer: Layer, [inputs]: number[], weight: WeightLookup): Step {
  const units = layer.config.units as number;
  const kernel = weight(layer, 'kernel', [inputs!, units]) as tf.Tensor2D;
  const bias = layer.config.use_bias ? weight(layer, 'bias', [units]) : undefined;
  const activation = fusedActivation(layer);
  return (x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel, bias, activation });
}

export function fusedActivation(layer: Layer): 'relu' | 'linear' {
  const activation = layer.config.activation ?? 'linear';
  if (activation !== 'relu' && activation !== 'linear') {
    throw new UnsupportedModelError(
      `layer ${layer.name}: activation ${String(activation)} is not supported`,
    );
  }
  return activation;
}

function expectEqual(layer: Layer, key: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new UnsupportedModelError(
      `layer ${layer.name}: ${key} ${String(actual)} is not supported`,
    );
  }
}

function convOutput(
  [h, w]: number[],
  [kh, kw]: [number, number],
  [sh, sw]: [number, number],
  pad: 'same' | 'valid',
  channels: number,
): number[] {
  const out = (size: number, k: number, s: number) =>
    pad === 'same' ? Math.ceil(size / s) : Math.floor((size - k) / s) + 1;
  return [out(h!, kh, sh), out(w!, kw, sw), channels];
}
