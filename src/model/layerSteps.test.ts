import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLayer, LAYER_STEPS, type Layer, type WeightLookup } from './layerSteps';
import { UnsupportedModelError } from './UnsupportedModelError';

const layer = (class_name: string, config: Record<string, unknown> = {}): Layer => ({
  class_name,
  name: `my_${class_name.toLowerCase()}`,
  config,
});
/** Weights counting up from 1 in the shape asked for, so each result can be worked by hand. */
const counting: WeightLookup = (_, name, shape) =>
  name === 'bias'
    ? tf.fill(shape, 0.5)
    : tf.tensor(
        Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i + 1),
        shape,
      );
const conv = (config: Record<string, unknown>) =>
  layer('Conv2D', {
    kernel_size: [2, 2],
    filters: 1,
    strides: [1, 1],
    padding: 'valid',
    ...config,
  });

describe('layer steps', () => {
  beforeAll(() => tf.setBackend('cpu'));

  it('knows the layer types our models use, and no others', () => {
    expect([...LAYER_STEPS.keys()].sort()).toEqual(
      ['Conv2D', 'Dense', 'Dropout', 'Flatten', 'InputLayer', 'MaxPooling2D', 'Reshape'].sort(),
    );
    for (const unknown of ['BatchNormalization', 'toString', 'constructor']) {
      expect(() => buildLayer(layer(unknown), [4], counting)).toThrow(
        new UnsupportedModelError(`layer my_${unknown.toLowerCase()}: ${unknown} is not supported`),
      );
    }
  });

  it('gives each layer its output shape', () => {
    const shape = (l: Layer, input: number[]) => buildLayer(l, input, counting).shape;
    expect(shape(layer('InputLayer', { batch_input_shape: [null, 28, 28] }), [])).toEqual([28, 28]);
    expect(shape(layer('Reshape', { target_shape: [28, 28, 1] }), [28, 28])).toEqual([28, 28, 1]);
    expect(shape(layer('Flatten'), [7, 7, 4])).toEqual([196]);
    expect(shape(layer('Dropout'), [196])).toEqual([196]);
    expect(shape(layer('Dense', { units: 10 }), [196])).toEqual([10]);
    // 'same' keeps ceil(size / stride); 'valid' drops the borders the kernel cannot cover.
    expect(shape(conv({ padding: 'same', strides: [2, 2], filters: 3 }), [7, 7, 1])).toEqual([
      4, 4, 3,
    ]);
    expect(shape(conv({ kernel_size: [3, 3] }), [7, 7, 1])).toEqual([5, 5, 1]);
    // Pooling without strides steps by its own size.
    const pool = layer('MaxPooling2D', { pool_size: [2, 2], strides: null, padding: 'valid' });
    expect(shape(pool, [7, 7, 3])).toEqual([3, 3, 3]);
  });

  it('runs a convolution with its bias and relu, and exposes it as a map with its kernel', () => {
    const built = buildLayer(conv({ use_bias: true, activation: 'relu' }), [2, 2, 1], counting);
    expect(built.map).toEqual({ className: 'Conv2D', kernelSize: [2, 2], strides: [1, 1] });
    expect(built.kernel?.shape).toEqual([2, 2, 1, 1]);
    // 1*1 + 2*2 + 3*3 + 4*4 + 0.5, and relu clips the negative input to 0.
    const x = tf.tensor4d([1, 2, 3, 4, -1, -2, -3, -4], [2, 2, 2, 1]);
    expect(Array.from(built.run!(x).dataSync())).toEqual([30.5, 0]);
  });

  it('passes InputLayer and Dropout on without an op', () => {
    expect(buildLayer(layer('Dropout'), [3], counting).run).toBeUndefined();
    const input = layer('InputLayer', { batch_input_shape: [null, 3] });
    expect(buildLayer(input, [], counting).run).toBeUndefined();
  });

  it('refuses what it would compute wrongly', () => {
    expect(() =>
      buildLayer(layer('Dense', { units: 2, activation: 'softmax' }), [3], counting),
    ).toThrow('layer my_dense: activation softmax is not supported');
    expect(() => buildLayer(conv({ data_format: 'channels_first' }), [2, 2, 1], counting)).toThrow(
      'layer my_conv2d: data_format channels_first is not supported',
    );
    expect(() => buildLayer(conv({ dilation_rate: [2, 2] }), [4, 4, 1], counting)).toThrow(
      'layer my_conv2d: dilation_rate 2,2 is not supported',
    );
  });
});
