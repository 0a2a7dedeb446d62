import type * as tf from '@tensorflow/tfjs';
import { Random } from '../random';
import type { BrokenProblem } from './fixtureCatalog';
import { GRAPH_SHARD, GraphBuilder, signatureEntry } from './GraphBuilder';

// One folder per problem the page must name. Each is a working model but for its one fault,
// so a test that sees the fault's message knows which check caught it.

/** A folder's files: model.json (any JSON) and its shards by name. */
export interface FixtureFiles {
  modelJson: unknown;
  shards: Record<string, Uint8Array>;
}

/** A layers model's files, as the broken layers fixtures start from. */
export interface LayersFiles {
  modelJson: tf.io.ModelJSON;
  weightData: Uint8Array;
}

export function brokenFixtures(layers: LayersFiles): Record<BrokenProblem, FixtureFiles> {
  return {
    'not-tfjs': { modelJson: SERVING_METADATA, shards: {} },
    'missing-shard': missingShard(layers),
    'short-shard': shortShard(layers),
    'wrong-input': linearGraph({ side: 32, classes: 10 }),
    'wrong-output': linearGraph({ side: 28, classes: 5 }),
    'unsupported-op': linearGraph({ side: 28, classes: 10, customOp: 'FancyCustomOp' }),
    'nan-output': linearGraph({ side: 28, classes: 10, nanWeight: true }),
  };
}

/**
 * What the tutorial's server answers to GET /v1/models/mnist/metadata: JSON about a model,
 * saved as model.json by mistake. No format, no topology, no weights.
 */
const SERVING_METADATA = {
  model_spec: { name: 'mnist', signature_name: '', version: '1' },
  metadata: {
    signature_def: {
      signature_def: {
        serving_default: {
          inputs: {
            flatten_input: {
              dtype: 'DT_FLOAT',
              tensor_shape: { dim: [{ size: '-1' }, { size: '28' }, { size: '28' }] },
              name: 'serving_default_flatten_input:0',
            },
          },
          outputs: {
            dense_1: {
              dtype: 'DT_FLOAT',
              tensor_shape: { dim: [{ size: '-1' }, { size: '10' }] },
              name: 'StatefulPartitionedCall:0',
            },
          },
          method_name: 'tensorflow/serving/predict',
        },
      },
    },
  },
};

/** The manifest names two shards; only the first is there. */
function missingShard({ modelJson, weightData }: LayersFiles): FixtureFiles {
  const names = ['group1-shard1of2.bin', 'group1-shard2of2.bin'] as const;
  const [group] = modelJson.weightsManifest;
  if (!group) throw new Error('layers model.json without a weights manifest');
  const half = Math.ceil(weightData.length / 2);
  return {
    modelJson: { ...modelJson, weightsManifest: [{ ...group, paths: [...names] }] },
    shards: { [names[0]]: weightData.subarray(0, half) },
  };
}

/** The shard lost its last kilobyte, as an interrupted download leaves it. */
function shortShard({ modelJson, weightData }: LayersFiles): FixtureFiles {
  const [group] = modelJson.weightsManifest;
  const path = group?.paths[0];
  if (!path) throw new Error('layers model.json without a shard');
  return { modelJson, shards: { [path]: weightData.subarray(0, weightData.length - 1024) } };
}

/**
 * A small linear model (Reshape -> MatMul -> BiasAdd, logits) on side x side images, with an
 * op tfjs has no kernel for before it, or a NaN in its kernel (every image's digit-0 output).
 */
function linearGraph(options: {
  side: number;
  classes: number;
  customOp?: string;
  nanWeight?: boolean;
}): FixtureFiles {
  const { side, classes } = options;
  const pixels = side * side;
  const random = new Random(25);
  const kernel = Float32Array.from({ length: pixels * classes }, () => random.uniform(-0.05, 0.05));
  if (options.nanWeight) kernel[0] = NaN;
  const b = new GraphBuilder();
  const shape = [-1, side, side, 1];
  let x = b.placeholder('input_1', shape);
  if (options.customOp) x = b.op('sequential/custom/Fancy', options.customOp, [x]);
  const flat = b.reshape('sequential/flatten/Reshape', x, [-1, pixels]);
  const w = b.constant('sequential/dense/MatMul/ReadVariableOp', [pixels, classes], kernel);
  const bias = b.constant(
    'sequential/dense/BiasAdd/ReadVariableOp',
    [classes],
    new Float32Array(classes),
  );
  const logits = b.biasAdd(
    'sequential/dense/BiasAdd',
    b.matMul('sequential/dense/MatMul', flat, w),
    bias,
  );
  b.op('Identity', 'Identity', [logits]);
  const files = b.files({
    inputs: { input_1: signatureEntry('input_1', shape) },
    outputs: { dense: signatureEntry('Identity', [-1, classes]) },
  });
  return { modelJson: files.modelJson, shards: { [GRAPH_SHARD]: files.weightData } };
}
