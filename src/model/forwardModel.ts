import * as tf from '@tensorflow/tfjs-core';

// Runs a Keras/tfjs layers model without @tensorflow/tfjs-layers (about a third of the
// bundle): the few layer types our models use, each mapped onto one core op. Conv2D and
// Dense become fused ops (bias and relu inside the same WebGL shader program).

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

type Layer = { class_name: string; name: string; config: Record<string, unknown> };
type Step = (x: tf.Tensor) => tf.Tensor;

export class UnsupportedModelError extends Error {}

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
  const used = new Set<string>();
  const weight = (layer: Layer, name: string, shape: number[]): tf.Tensor => {
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

  let inputShape: number[] = [];
  let head: Step = (x) => x;
  // Tensors made here rather than decoded from the files (the merged output layer).
  const owned: tf.Tensor[] = [];
  let shape: number[] = [];
  // Each step's function, and whether its output is one of `maps`.
  const steps: { run: Step; map?: boolean }[] = [];
  const maps: MapLayer[] = [];
  const kernels = new Map<string, tf.Tensor4D>();
  let featuresLayer = { name: '', size: 0 };
  const addMap = (layer: Layer, kernelSize: [number, number], strides: [number, number]) => {
    const [h, w, c] = shape as [number, number, number];
    const className = layer.class_name as MapLayer['className'];
    maps.push({ name: layer.name, className, shape: [h, w, c], kernelSize, strides });
    steps[steps.length - 1]!.map = true;
  };
  try {
    for (const layer of layers) {
      const c = layer.config;
      switch (layer.class_name) {
        case 'InputLayer': {
          inputShape = (c.batch_input_shape as (number | null)[]).slice(1) as number[];
          shape = inputShape;
          break;
        }
        case 'Reshape': {
          const target = c.target_shape as number[];
          steps.push({ run: (x) => tf.reshape(x, [-1, ...target]) });
          shape = target;
          break;
        }
        case 'Flatten': {
          const size = shape.reduce((a, b) => a * b, 1);
          steps.push({ run: (x) => tf.reshape(x, [-1, size]) });
          shape = [size];
          break;
        }
        case 'Dropout':
          break; // identity at inference
        case 'Conv2D': {
          const [kh, kw] = c.kernel_size as [number, number];
          const filters = c.filters as number;
          const strides = c.strides as [number, number];
          const pad = c.padding as 'same' | 'valid';
          expectEqual(layer, 'data_format', c.data_format ?? 'channels_last', 'channels_last');
          expectEqual(layer, 'dilation_rate', String(c.dilation_rate ?? [1, 1]), '1,1');
          const filter = weight(layer, 'kernel', [kh, kw, shape[2]!, filters]) as tf.Tensor4D;
          const bias = c.use_bias ? weight(layer, 'bias', [filters]) : undefined;
          const activation = fusedActivation(layer);
          steps.push({
            run: (x) =>
              tf.fused.conv2d({ x: x as tf.Tensor4D, filter, strides, pad, bias, activation }),
          });
          shape = convOutput(shape, [kh, kw], strides, pad, filters);
          kernels.set(layer.name, filter);
          addMap(layer, [kh, kw], strides);
          break;
        }
        case 'MaxPooling2D': {
          const pool = c.pool_size as [number, number];
          const strides = (c.strides as [number, number] | null) ?? pool;
          const pad = c.padding as 'same' | 'valid';
          steps.push({ run: (x) => tf.maxPool(x as tf.Tensor4D, pool, strides, pad) });
          shape = convOutput(shape, pool, strides, pad, shape[2]!);
          addMap(layer, pool, strides);
          break;
        }
        case 'Dense': {
          steps.push({ run: dense(layer, shape, weight) });
          shape = [layer.config.units as number];
          break;
        }
        default:
          throw new UnsupportedModelError(
            `layer ${layer.name}: ${layer.class_name} is not supported`,
          );
      }
      // Dropout passes its input on: the features are named after the layer that made them.
      if (layer.class_name !== 'Dropout' && layer.class_name !== 'InputLayer') {
        featuresLayer = { name: layer.name, size: shape.reduce((a, b) => a * b, 1) };
      }
    }
    for (const layer of heads) {
      if (layer.class_name !== 'Dense') {
        throw new UnsupportedModelError(`output ${layer.name}: ${layer.class_name} is not Dense`);
      }
    }
    head =
      heads.length === 1
        ? dense(heads[0]!, shape, weight)
        : mergedDense(heads, shape, weight, owned);
    const unused = Object.keys(weights).filter((k) => !used.has(k));
    if (unused.length)
      throw new UnsupportedModelError(`weights without a layer: ${unused.join(', ')}`);
  } catch (error) {
    tf.dispose([...Object.values(weights), ...owned]);
    throw error;
  }

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
    inputShape,
    outputs: heads.map((h) => ({ name: h.name, units: h.config.units as number })),
    maps,
    featuresLayer,
    kernel: (name) => kernels.get(name) ?? null,
    predict: (x) => forward(x).outputs,
    forward,
    dispose: () => tf.dispose([...Object.values(weights), ...owned]),
  };
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

/** A Dense layer as one fused matMul + bias (+ relu) program. */
function dense(
  layer: Layer,
  [inputs]: number[],
  weight: (layer: Layer, name: string, shape: number[]) => tf.Tensor,
): Step {
  const units = layer.config.units as number;
  const kernel = weight(layer, 'kernel', [inputs!, units]) as tf.Tensor2D;
  const bias = layer.config.use_bias ? weight(layer, 'bias', [units]) : undefined;
  const activation = fusedActivation(layer);
  return (x) => tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel, bias, activation });
}

/**
 * Several Dense outputs reading the same features as one Dense layer whose units are theirs
 * side by side: one program per prediction, as for a single output, and no concat kernel.
 */
function mergedDense(
  heads: Layer[],
  [inputs]: number[],
  weight: (layer: Layer, name: string, shape: number[]) => tf.Tensor,
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

function fusedActivation(layer: Layer): 'relu' | 'linear' {
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
