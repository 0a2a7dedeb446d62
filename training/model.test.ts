import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel, foldBatchNorm, servingModel } from './model';

describe('foldBatchNorm', () => {
  it('gives the plain architecture, reading the same logits as the model with batch norm', () => {
    const trained = buildModel('fast3tall', 3, true, true);
    // Moving statistics and scales far from the initial 0/1, as after training.
    tf.tidy(() => {
      for (const layer of trained.layers.filter((l) => l.name.startsWith('bn'))) {
        const n = layer.getWeights()[0]!.shape[0]!;
        layer.setWeights([
          tf.randomUniform([n], 0.5, 2, 'float32', 1),
          tf.randomUniform([n], -0.5, 0.5, 'float32', 2),
          tf.randomUniform([n], -1, 1, 'float32', 3),
          tf.randomUniform([n], 0.2, 3, 'float32', 4),
        ]);
      }
    });
    const folded = foldBatchNorm(trained, 'fast3tall');
    const plain = buildModel('fast3tall', 3, true);
    expect(folded.layers.map((l) => l.name)).toEqual(plain.layers.map((l) => l.name));
    expect(folded.countParams()).toBe(plain.countParams());

    const x = tf.randomUniform([4, 28, 28], 0, 1, 'float32', 5);
    const before = (trained.predict(x) as tf.Tensor).arraySync() as number[][];
    const after = (servingModel(folded).predict(x) as tf.Tensor[]).map(
      (t) => t.arraySync() as number[][],
    );
    // The served model splits the 11 logits into dense_1 (10) and not_digit (1).
    after[0]!.forEach((row, i) =>
      [...row, after[1]![i]![0]!].forEach((v, j) => expect(v).toBeCloseTo(before[i]![j]!, 4)),
    );
    // The trained logits are not trivially equal to the plain model's initial ones.
    const untouched = (plain.predict(x) as tf.Tensor).arraySync() as number[][];
    expect(untouched[0]![0]).not.toBeCloseTo(before[0]![0]!, 2);
  });

  it('returns a model without batch norm as it is', () => {
    const model = buildModel('fast', 1);
    expect(foldBatchNorm(model, 'fast')).toBe(model);
  });
});
