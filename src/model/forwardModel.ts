import * as tf from '@tensorflow/tfjs-core';
import {
  buildLayer,
  dense,
  fusedActivation,
  type Layer,
  type Step,
  type WeightLookup,
} from './layerSteps';
import { UnsupportedModelError } from './UnsupportedModelError';

// Runs a Keras/tfjs layers model without @tensorflow/tfjs-layers (about a third of the
// bundle): the few layer types our models use, each mapped onto one core op (layerSteps.ts).

export interface ForwardModel {
  /**
   * [batch, ...input] -> [batch, units of every output], the outputs side by side in the
   * model's order (`dense_1`'s ten logits first); call inside tf.tidy.
   */
  predict(x: tf.Tensor): tf.Tensor;
  /**
   * The same pass, also giving the outputs' input: [batch, features], the penultimate
   * features every output reads (the evaluation's tools); call inside tf.tidy.
   */
  forward(x: tf.Tensor, options?: { maps?: boolean }): ForwardPass;
  /** The model's outputs, in the order `predict` places them. */
  outputs: { name: string; units: number }[];
  /** The layers whose outputs are feature maps (convolutions, pooling), in order. */
  maps: MapLayer[];
  /** The layer whose output is the penultimate features (the last before the outputs). */
  featuresLayer: { name: string; size: number };
  /** A convolution's kernel, [height, width, input channels, filters]; null for pooling. */
  kernel(name: string): tf.Tensor4D | null;
  /** The input shape without the batch dimension. */
  inputShape: number[];
  dispose(): void;
}

/** One forward pass: the outputs, their input, and (when asked) each map layer's output. */
// A type, not an interface: tf.tidy returns it, and tidy takes only index-signature objects.
export type ForwardPass = {
  features: tf.Tensor2D;
  outputs: tf.Tensor2D;
  /** [batch, height, width, channels] per `maps` layer; empty unless asked for. */
  maps: tf.Tensor4D[];
};

/** A layer whose output is a stack of feature maps, as the Layers panel describes it. */
export interface MapLayer {
  name: string;
  className: 'Conv2D' | 'MaxPooling2D';
  /** Output [height, width, channels]. */
  shape: [number, number, number];
  kernelSize: [number, number];
  strides: [number, number];
}

export { UnsupportedModelError };

/** The trunk built layer by layer: the steps up to the penultimate features. */
interface Trunk {
  inputShape: number[];
  /** The features' shape: what the outputs read. */
  shape: number[];
  /** Each step's op, and whether its output is one of `maps`. */
  steps: { run: Step; map: boolean }[];
  maps: MapLayer[];
  kernels: Map<string, tf.Tensor4D>;
  featuresLayer: { name: string; size: number };
}

/**
 * Builds the forward pass of a chain of supported layers from model artifacts; the chain may
 * end in several Dense outputs that read the same features (digits and not-a-digit).
 */
export function forwardModel(artifacts: tf.io.ModelArtifacts): ForwardModel {
  const { trunk: layers, heads } = chain(artifacts.modelTopology);
  if (!artifacts.weightData || !artifacts.weightSpecs) {
    throw new UnsupportedModelError('the model has no weights');
  }
  const weights = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  // Tensors made here rather than decoded from the files (the merged output layer).
  const owned: tf.Tensor[] = [];
  let trunk: Trunk;
  let head: Step;
  try {
    const { weight, unused } = weightLookup(weights);
    trunk = buildTrunk(layers, weight);
    head = buildHead(heads, trunk.shape, weight, owned);
    const left = unused();
    if (left.length) throw new UnsupportedModelError(`weights without a layer: ${left.join(', ')}`);
  } catch (error) {
    tf.dispose([...Object.values(weights), ...owned]);
    throw error;
  }
  const { steps, kernels } = trunk;
  const forward = (x: tf.Tensor, options: { maps?: boolean } = {}): ForwardPass => {
    const mapOutputs: tf.Tensor4D[] = [];
    const features = steps.reduce((t, step) => {
      const next = step.run(t);
      if (options.maps && step.map) mapOutputs.push(next as tf.Tensor4D);
      return next;
    }, x) as tf.Tensor2D;
    return { features, outputs: head(features) as tf.Tensor2D, maps: mapOutputs };
  };
  return {
    inputShape: trunk.inputShape,
    outputs: heads.map((h) => ({ name: h.name, units: h.config.units as number })),
    maps: trunk.maps,
    featuresLayer: trunk.featuresLayer,
    kernel: (name) => kernels.get(name) ?? null,
    predict: (x) => forward(x).outputs,
    forward,
    dispose: () => tf.dispose([...Object.values(weights), ...owned]),
  };
}

/** Looks weights up by layer, checking their shapes, and remembers which were used. */
function weightLookup(weights: tf.NamedTensorMap): {
  weight: WeightLookup;
  unused: () => string[];
} {
  const used = new Set<string>();
  const weight: WeightLookup = (layer, name, shape) => {
    const key = `${layer.name}/${name}`;
    const tensor = weights[key];
    if (!tensor) throw new UnsupportedModelError(`weight ${key} is missing`);
    if (!tf.util.arraysEqual(tensor.shape, shape)) {
      throw new UnsupportedModelError(
        `weight ${key} has shape [${tensor.shape}], expected [${shape}]`,
      );
    }
    used.add(key);
    return tensor;
  };
  return { weight, unused: () => Object.keys(weights).filter((k) => !used.has(k)) };
}

/** Each trunk layer built by its step (layerSteps.ts), each reading the one before. */
function buildTrunk(layers: Layer[], weight: WeightLookup): Trunk {
  const trunk: Trunk = {
    inputShape: [],
    shape: [],
    steps: [],
    maps: [],
    kernels: new Map(),
    featuresLayer: { name: '', size: 0 },
  };
  for (const layer of layers) {
    const built = buildLayer(layer, trunk.shape, weight);
    trunk.shape = built.shape;
    if (layer.class_name === 'InputLayer') trunk.inputShape = built.shape;
    if (built.kernel) trunk.kernels.set(layer.name, built.kernel);
    if (built.map) {
      const [h, w, c] = built.shape as [number, number, number];
      const { className, kernelSize, strides } = built.map;
      trunk.maps.push({ name: layer.name, className, shape: [h, w, c], kernelSize, strides });
    }
    // A layer without an op passes its input on: the features keep the name of the one before.
    if (built.run) {
      trunk.steps.push({ run: built.run, map: built.map !== undefined });
      trunk.featuresLayer = { name: layer.name, size: built.shape.reduce((a, b) => a * b, 1) };
    }
  }
  return trunk;
}

/** The outputs as one step: a single Dense layer, or several merged into one. */
function buildHead(
  heads: Layer[],
  features: number[],
  weight: WeightLookup,
  owned: tf.Tensor[],
): Step {
  for (const layer of heads) {
    if (layer.class_name !== 'Dense') {
      throw new UnsupportedModelError(`output ${layer.name}: ${layer.class_name} is not Dense`);
    }
  }
  return heads.length === 1
    ? dense(heads[0]!, features, weight)
    : mergedDense(heads, features, weight, owned);
}

type TopologyLayer = Layer & { inbound_nodes?: unknown[][][] };

/**
 * The model's layers split into a trunk, each layer feeding the next, and its outputs (the
 * model's output layers, in order), which all read the trunk's last layer.
 */
function chain(topology: unknown): { trunk: Layer[]; heads: Layer[] } {
  const model = (topology as { model_config?: unknown })?.model_config ?? topology;
  const config = (model as { config?: { layers?: unknown; output_layers?: unknown } })?.config;
  const layers = config?.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new UnsupportedModelError('the model topology has no layers');
  }
  const typed = layers as TopologyLayer[];
  const inboundOf = (layer: TopologyLayer) => layer.inbound_nodes?.[0]?.[0]?.[0];
  // A plain chain (or a model saved without output_layers) has one output: its last layer.
  const outputNames = Array.isArray(config?.output_layers)
    ? (config.output_layers as [string][]).map((o) => o[0])
    : [typed[typed.length - 1]!.name];
  const heads = outputNames.map((name) => {
    const head = typed.find((l) => l.name === name);
    if (!head) throw new UnsupportedModelError(`output ${name} is not a layer`);
    return head;
  });
  const trunk = typed.filter((l) => !outputNames.includes(l.name));
  trunk.forEach((layer, i) => {
    const inbound = inboundOf(layer);
    if (i > 0 && inbound !== undefined && inbound !== trunk[i - 1]!.name) {
      throw new UnsupportedModelError(`layer ${layer.name} does not follow ${trunk[i - 1]!.name}`);
    }
  });
  const last = trunk[trunk.length - 1]?.name;
  for (const head of heads) {
    const inbound = inboundOf(head);
    if (inbound !== undefined && inbound !== last) {
      throw new UnsupportedModelError(`output ${head.name} does not read ${last}`);
    }
  }
  return { trunk, heads };
}

/**
 * Several Dense outputs reading the same features as one Dense layer whose units are theirs
 * side by side: one program per prediction, as for a single output, and no concat kernel.
 */
function mergedDense(
  heads: Layer[],
  [inputs]: number[],
  weight: WeightLookup,
  owned: tf.Tensor[],
): Step {
  const activation = fusedActivation(heads[0]!);
  const total = heads.reduce((n, h) => n + (h.config.units as number), 0);
  const kernel = new Float32Array(inputs! * total);
  const bias = new Float32Array(total);
  let column = 0;
  for (const layer of heads) {
    const units = layer.config.units as number;
    if (fusedActivation(layer) !== activation) {
      throw new UnsupportedModelError(`output ${layer.name}: outputs differ in activation`);
    }
    const k = weight(layer, 'kernel', [inputs!, units]).dataSync();
    for (let row = 0; row < inputs!; row++) {
      kernel.set(k.subarray(row * units, (row + 1) * units), row * total + column);
    }
    if (layer.config.use_bias) bias.set(weight(layer, 'bias', [units]).dataSync(), column);
    column += units;
  }
  const merged = [tf.tensor2d(kernel, [inputs!, total]), tf.tensor1d(bias)] as const;
  owned.push(...merged);
  return (x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: merged[0], bias: merged[1], activation });
}
