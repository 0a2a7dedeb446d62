import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { buildModel } from './buildModel';

describe('buildModel', () => {
  it("builds the tutorial's network with Keras' layer names", () => {
    const model = buildModel('dense128', 1);
    expect(model.layers.map((l) => l.name)).toEqual([
      'flatten_input',
      'flatten',
      'dense',
      'dropout',
      'dense_1',
    ]);
    // 784 x 128 + 128, then 128 x 10 + 10.
    expect(model.countParams()).toBe(101_770);
    model.dispose();
  });

  it('builds the CNN from flatten_input [28, 28] to dense_1 [10]', () => {
    const start = tf.memory().numTensors;
    const model = buildModel('cnn', 1);
    expect(model.inputs[0]!.shape).toEqual([null, 28, 28]);
    expect(model.outputs[0]!.shape).toEqual([null, 10]);
    expect(model.layers.at(-1)!.name).toBe('dense_1');
    expect(model.countParams()).toBe(160 + 4_640 + 51_264 + 650);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
