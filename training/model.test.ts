import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARCHITECTURE_ALIASES,
  ARCHITECTURES,
  buildModel,
  foldBatchNorm,
  servingModel,
  weightsFromServed,
  type Architecture,
} from './model';

/** The name a built model's layers spell out: conv filters, `s` stride 2, `p` pooled. */
function nameOfLayers(model: tf.LayersModel): string {
  const convs = model.layers.flatMap((layer, i) => {
    if (layer.getClassName() !== 'Conv2D') return [];
    const { filters, strides } = layer.getConfig() as { filters: number; strides: number[] };
    const pooled = model.layers[i + 1]?.getClassName() === 'MaxPooling2D';
    return [`${strides[0] === 2 ? 's' : pooled ? 'p' : ''}${filters}`];
  });
  if (convs.length) return convs.join('-');
  const hidden = model.layers.find((l) => l.name === 'dense')!;
  return `dense${(hidden.getConfig() as { units: number }).units}`;
}

describe('architecture names', () => {
  it("spell out each network's layers", () => {
    for (const arch of ARCHITECTURES) expect(nameOfLayers(buildModel(arch, 1))).toBe(arch);
  });

  it('keep every old name as an alias of a different shape, the shipped fast3tall included', () => {
    expect(ARCHITECTURE_ALIASES.fast3tall).toBe('s24-s48-64');
    const targets = Object.values(ARCHITECTURE_ALIASES);
    expect(new Set(targets).size).toBe(targets.length);
    expect([...targets].sort()).toEqual([...ARCHITECTURES].sort());
  });
});

describe('foldBatchNorm', () => {
  it('gives the plain architecture, reading the same logits as the model with batch norm', () => {
    const trained = buildModel('s24-s48-64', 3, true, true);
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
    const folded = foldBatchNorm(trained, 's24-s48-64');
    const plain = buildModel('s24-s48-64', 3, true);
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
    const model = buildModel('s32-s64', 1);
    expect(foldBatchNorm(model, 's32-s64')).toBe(model);
  });
});

describe('weightsFromServed', () => {
  it("gives a fresh training model the served model's weights: the same logits (--init)", () => {
    const trained = buildModel('s24-s48-64', 3, true);
    const served = servingModel(trained);
    const fresh = buildModel('s24-s48-64', 9, true);
    for (const layer of fresh.layers) {
      if (layer.getWeights().length) layer.setWeights(weightsFromServed(served, layer.name));
    }
    const x = tf.randomUniform([3, 28, 28], 0, 1, 'float32', 5);
    const want = (trained.predict(x) as tf.Tensor).arraySync() as number[][];
    const got = (fresh.predict(x) as tf.Tensor).arraySync() as number[][];
    got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 5)));
    expect(weightsFromServed(served, 'no_such_layer')).toEqual([]);
  });
});

describe('the shipped model', () => {
  it('has the layers of the architecture it records (or that alias names), built with its seed', () => {
    const shipped = JSON.parse(readFileSync('public/model/model.json', 'utf8')) as {
      modelTopology: { config: { layers: unknown[] } };
      userDefinedMetadata: { architecture: string; training: { seed: number } };
    };
    const { architecture, training } = shipped.userDefinedMetadata;
    const arch = ARCHITECTURE_ALIASES[architecture] ?? (architecture as Architecture);
    const built = servingModel(buildModel(arch, training.seed, true));
    const topology = built.toJSON(undefined, false) as { config: { layers: unknown[] } };
    expect(topology.config.layers).toEqual(shipped.modelTopology.config.layers);
  });
});
