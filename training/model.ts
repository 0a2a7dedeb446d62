import * as tf from '@tensorflow/tfjs';
import { INPUT_SIZE, NUM_CLASSES } from '../src/constants';

/**
 * Each architecture is named by its shape: its convolutions' filter counts in order, `s` for
 * stride 2, `p` for a 2x2 max pool after it, bare for stride 1 (the first kernel is 5x5, the
 * rest 3x3); `dense128` is the tutorial's Flatten -> Dense 128 model. Stride-2 convolutions
 * skip the pool programs (WebGL latency); `s24-s48-64`, distilled from `s32-s64-64`, ships.
 */
export const ARCHITECTURES = [
  // In the order of their old names (ARCHITECTURE_ALIASES), so a loop over them is unchanged.
  'p32-p64',
  'p32-p64-64',
  's32-s64',
  's32-s64-64',
  's24-s48-64',
  's32-s48-s96',
  's32-s96',
  'dense128',
] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/**
 * The names before architectures were named by shape. model.json files record them (the
 * shipped one: `fast3tall`), as do the commands in their metadata and docs/, so `--arch`
 * still takes them; new models record the shape name.
 */
export const ARCHITECTURE_ALIASES: Readonly<Record<string, Architecture>> = {
  mlp: 'dense128',
  cnn: 'p32-p64',
  cnn3: 'p32-p64-64',
  fast: 's32-s64',
  fastwide: 's32-s96',
  fastdeep: 's32-s48-s96',
  fast3: 's32-s64-64',
  fast3tall: 's24-s48-64',
};

// Layer names of the original Keras model, so the TF Serving signature stays the same:
// input `flatten_input` [-1, 28, 28], output `dense_1` [-1, 10] (logits, no softmax).
export const INPUT_NAME = 'flatten_input';
export const OUTPUT_NAME = 'dense_1';
/** The extra output of a model trained with non-digits: one logit for "not a digit". */
export const NOT_DIGIT_NAME = 'not_digit';
/** While training, the ten digit logits and the not-a-digit logit are one 11-way layer. */
const TRAINING_HEAD = 'digits_and_not_digit';

type ConvSpec = { kernel: number; filters: number; pool: boolean; stride?: number };

// Few layers means few WebGL shader programs, which is most of the latency in the browser.
// The 5x5 first layer costs no more to train than 3x3 (one input channel) and sees more stroke.
const CONV_STACKS: Record<Exclude<Architecture, 'dense128'>, ConvSpec[]> = {
  'p32-p64': [
    { kernel: 5, filters: 32, pool: true },
    { kernel: 3, filters: 64, pool: true },
  ],
  'p32-p64-64': [
    { kernel: 5, filters: 32, pool: true },
    { kernel: 3, filters: 64, pool: true },
    { kernel: 3, filters: 64, pool: false },
  ],
  's32-s64': [
    { kernel: 5, filters: 32, pool: false, stride: 2 },
    { kernel: 3, filters: 64, pool: false, stride: 2 },
  ],
  's32-s96': [
    { kernel: 5, filters: 32, pool: false, stride: 2 },
    { kernel: 3, filters: 96, pool: false, stride: 2 },
  ],
  's32-s48-s96': [
    { kernel: 5, filters: 32, pool: false, stride: 2 },
    { kernel: 3, filters: 48, pool: false, stride: 2 },
    { kernel: 3, filters: 96, pool: false, stride: 2 },
  ],
  's32-s64-64': [
    { kernel: 5, filters: 32, pool: false, stride: 2 },
    { kernel: 3, filters: 64, pool: false, stride: 2 },
    { kernel: 3, filters: 64, pool: false },
  ],
  's24-s48-64': [
    { kernel: 5, filters: 24, pool: false, stride: 2 },
    { kernel: 3, filters: 48, pool: false, stride: 2 },
    { kernel: 3, filters: 64, pool: false },
  ],
};

/**
 * Builds an untrained model: [batch, 28, 28] in 0..1 -> 10 logits, or with `notDigit` 11
 * (the 11th is class "not a digit": trained as one softmax, split in two for export by
 * `servingModel`). Seeded initialisation. With `batchNorm` each convolution is followed by
 * batch normalisation before its relu (`bn1`, `relu1`, ...), for training only:
 * `foldBatchNorm` folds it into the convolutions, so the served network is the same as
 * without it.
 */
export function buildModel(
  arch: Architecture,
  seed: number,
  notDigit = false,
  batchNorm = false,
): tf.LayersModel {
  const input = tf.input({ shape: [INPUT_SIZE, INPUT_SIZE], name: INPUT_NAME });
  const units = notDigit ? NUM_CLASSES + 1 : NUM_CLASSES;
  const name = notDigit ? TRAINING_HEAD : OUTPUT_NAME;
  if (arch === 'dense128' && batchNorm) throw new Error('batch normalisation is for the CNNs');
  const output =
    arch === 'dense128'
      ? mlp(input, seed, units, name)
      : cnn(input, CONV_STACKS[arch], seed, units, name, batchNorm);
  return tf.model({ inputs: input, outputs: output, name: `mnist_${arch}` });
}

/**
 * The model without its batch normalisation layers: each `bn<i>` (inference mode: moving mean
 * and variance) folded into `conv<i>`'s kernel and bias, every other layer's weights copied.
 * The result is the plain architecture, layer for layer, and reads the same logits. A model
 * without batch normalisation is returned as it is.
 */
export function foldBatchNorm(model: tf.LayersModel, arch: Architecture): tf.LayersModel {
  if (!model.layers.some((l) => l.getClassName() === 'BatchNormalization')) return model;
  const notDigit = model.layers.some((l) => l.name === TRAINING_HEAD);
  const plain = buildModel(arch, 0, notDigit);
  tf.tidy(() => {
    for (const layer of plain.layers) {
      if (!layer.weights.length) continue;
      const trained = model.getLayer(layer.name);
      if (!layer.name.startsWith('conv')) {
        layer.setWeights(trained.getWeights());
        continue;
      }
      // Built with batch norm, every conv<i> has its bn<i>.
      const norm = model.getLayer(layer.name.replace(/^conv/, 'bn'));
      const [kernel] = trained.getWeights() as [tf.Tensor4D];
      const [gamma, beta, mean, variance] = norm.getWeights() as tf.Tensor1D[];
      const epsilon = (norm.getConfig() as { epsilon: number }).epsilon;
      const scale = tf.div(gamma!, tf.sqrt(tf.add(variance!, epsilon)));
      // Kernels are [height, width, in, out]: the scale broadcasts over the output channels.
      layer.setWeights([tf.mul(kernel, scale), tf.sub(beta!, tf.mul(mean!, scale))]);
    }
  });
  return plain;
}

/**
 * The model as served: a model trained with the not-a-digit class gets its 11-way head split
 * into `dense_1` (the ten digit logits, the seed's signature) and `not_digit` (one logit),
 * both reading the same features, so the serving contract is unchanged. Other models are
 * returned as they are.
 */
export function servingModel(model: tf.LayersModel): tf.LayersModel {
  const head = model.layers.find((l) => l.name === TRAINING_HEAD);
  if (!head) return model;
  const features = head.input as tf.SymbolicTensor;
  const [kernel, bias] = head.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const digits = tf.layers.dense({ units: NUM_CLASSES, name: OUTPUT_NAME });
  const other = tf.layers.dense({ units: 1, name: NOT_DIGIT_NAME });
  const outputs = [digits.apply(features), other.apply(features)] as tf.SymbolicTensor[];
  const served = tf.model({ inputs: model.inputs, outputs, name: model.name });
  tf.tidy(() => {
    digits.setWeights([kernel.slice([0, 0], [-1, NUM_CLASSES]), bias.slice(0, NUM_CLASSES)]);
    other.setWeights([kernel.slice([0, NUM_CLASSES], [-1, 1]), bias.slice(NUM_CLASSES, 1)]);
  });
  return served;
}

/**
 * The weights a training model's layer `name` takes from a served model (servingModel's
 * inverse): the same layer's, or for the 11-way head `dense_1`'s and `not_digit`'s joined.
 * Empty when the served model has no such layer.
 */
export function weightsFromServed(served: tf.LayersModel, name: string): tf.Tensor[] {
  const layer = (n: string) => served.layers.find((l) => l.name === n);
  const digits = layer(OUTPUT_NAME);
  const other = layer(NOT_DIGIT_NAME);
  if (name === TRAINING_HEAD && digits && other) {
    const [dk, db] = digits.getWeights();
    const [ok, ob] = other.getWeights();
    return [tf.concat([dk!, ok!], 1), tf.concat([db!, ob!], 0)];
  }
  return layer(name)?.getWeights() ?? [];
}

const init = (seed: number) => tf.initializers.glorotUniform({ seed });

/** The tutorial's model exactly: Flatten -> Dense 128 relu -> Dropout 0.2 -> Dense 10. */
function mlp(
  input: tf.SymbolicTensor,
  seed: number,
  units: number,
  name: string,
): tf.SymbolicTensor {
  const flat = tf.layers.flatten({ name: 'flatten' }).apply(input);
  const hidden = tf.layers
    .dense({ units: 128, activation: 'relu', name: 'dense', kernelInitializer: init(seed) })
    .apply(flat);
  const dropped = tf.layers.dropout({ rate: 0.2, name: 'dropout', seed }).apply(hidden);
  return tf.layers
    .dense({ units, name, kernelInitializer: init(seed + 1) })
    .apply(dropped) as tf.SymbolicTensor;
}

function cnn(
  input: tf.SymbolicTensor,
  stack: ConvSpec[],
  seed: number,
  units: number,
  name: string,
  batchNorm: boolean,
): tf.SymbolicTensor {
  let x = tf.layers
    .reshape({ targetShape: [INPUT_SIZE, INPUT_SIZE, 1], name: 'reshape' })
    .apply(input) as tf.SymbolicTensor;
  stack.forEach(({ kernel, filters, pool, stride = 1 }, i) => {
    x = tf.layers
      .conv2d({
        filters,
        kernelSize: kernel,
        strides: stride,
        padding: 'same',
        activation: batchNorm ? 'linear' : 'relu',
        useBias: !batchNorm,
        name: `conv${i + 1}`,
        kernelInitializer: init(seed + i),
      })
      .apply(x) as tf.SymbolicTensor;
    if (batchNorm) {
      // Momentum 0.9, not Keras' 0.99: the moving statistics settle within a few dozen batches
      // (at 0.99 a 200-batch run read 42% on validation where the batch statistics read 95%).
      x = tf.layers
        .batchNormalization({ name: `bn${i + 1}`, momentum: 0.9 })
        .apply(x) as tf.SymbolicTensor;
      x = tf.layers
        .activation({ activation: 'relu', name: `relu${i + 1}` })
        .apply(x) as tf.SymbolicTensor;
    }
    if (pool) {
      x = tf.layers
        .maxPooling2d({ poolSize: 2, name: `pool${i + 1}` })
        .apply(x) as tf.SymbolicTensor;
    }
  });
  const flat = tf.layers.flatten({ name: 'flatten' }).apply(x);
  const dropped = tf.layers.dropout({ rate: 0.4, name: 'dropout', seed }).apply(flat);
  return tf.layers
    .dense({ units, name, kernelInitializer: init(seed + 99) })
    .apply(dropped) as tf.SymbolicTensor;
}
