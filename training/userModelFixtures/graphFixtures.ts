import * as tf from '@tensorflow/tfjs';
import { foldInputAffine } from './applyConvention';
import { GraphBuilder, signatureEntry, type GraphModelFiles } from './GraphBuilder';

// The good graph fixtures: the layers fixtures' networks written as the GraphDefs
// tensorflowjs_converter makes of a Keras SavedModel (node names and all), with the same
// weights, some as plain MatMul/BiasAdd/Relu and some fused as Grappler leaves them.

/** One trained layer's weights as plain arrays. */
export interface LayerWeights {
  kernel: Float32Array;
  kernelShape: number[];
  bias: Float32Array;
}

export function layerWeights(model: tf.LayersModel, name: string): LayerWeights {
  const [kernel, bias] = model.getLayer(name).getWeights();
  if (!kernel || !bias) throw new Error(`layer ${name} has no kernel and bias`);
  return {
    kernel: kernel.dataSync() as Float32Array,
    kernelShape: kernel.shape,
    bias: bias.dataSync() as Float32Array,
  };
}

const SCOPE = 'StatefulPartitionedCall/sequential';

/** A Keras Dense layer: MatMul, BiasAdd (+ Relu) as separate nodes or one fused node. */
function dense(
  b: GraphBuilder,
  layer: string,
  x: string,
  w: LayerWeights,
  relu: boolean,
  fused: boolean,
): string {
  const scope = `${SCOPE}/${layer}`;
  const kernel = b.constant(`${scope}/MatMul/ReadVariableOp`, w.kernelShape, w.kernel);
  const bias = b.constant(`${scope}/BiasAdd/ReadVariableOp`, [w.bias.length], w.bias);
  if (fused)
    return b.fusedMatMul(relu ? `${scope}/Relu` : `${scope}/BiasAdd`, x, kernel, bias, relu);
  const sum = b.biasAdd(`${scope}/BiasAdd`, b.matMul(`${scope}/MatMul`, x, kernel), bias);
  return relu ? b.op(`${scope}/Relu`, 'Relu', [sum]) : sum;
}

const io = (input: string, inputShape: number[], output: string) => ({
  inputs: { [input]: signatureEntry(input, inputShape) },
  outputs: { [output]: signatureEntry('Identity', [-1, 10]) },
});

/** Input [-1, 784] in 0..1, white on black; logits out; plain ops. */
export function denseGraph(hidden: LayerWeights, out: LayerWeights): GraphModelFiles {
  const b = new GraphBuilder();
  const x = b.placeholder('dense_input', [-1, 784]);
  const h = dense(b, 'dense', x, hidden, true, false);
  b.op('Identity', 'Identity', [dense(b, 'dense_1', h, out, false, false)]);
  return b.files(io('dense_input', [-1, 784], 'dense_1'));
}

/**
 * Input [-1, 28, 28] in 0..255, black digit on white (x = 1 - x_in / 255 folded into the first
 * layer); probabilities out; the signature where older converters put it.
 */
export function denseGraph255Inverted(hidden: LayerWeights, out: LayerWeights): GraphModelFiles {
  const folded = { ...hidden, ...foldInputAffine(hidden.kernel, hidden.bias, -1 / 255, 1) };
  const b = new GraphBuilder();
  const x = b.placeholder('flatten_input', [-1, 28, 28]);
  const flat = b.reshape(`${SCOPE}/flatten/Reshape`, x, [-1, 784]);
  const logits = dense(
    b,
    'dense_1',
    dense(b, 'dense', flat, folded, true, false),
    out,
    false,
    false,
  );
  b.op('Identity', 'Identity', [b.op(`${SCOPE}/dense_1/Softmax`, 'Softmax', [logits])]);
  return b.files(io('flatten_input', [-1, 28, 28], 'output_0'), 'userDefinedMetadata');
}

/** Input [-1, 28, 28, 1] in -1..1 (x = (x_in + 1) / 2 folded in); logits out; fused ops. */
export function denseGraphMinus1to1(hidden: LayerWeights, out: LayerWeights): GraphModelFiles {
  const folded = { ...hidden, ...foldInputAffine(hidden.kernel, hidden.bias, 0.5, 0.5) };
  const b = new GraphBuilder();
  const x = b.placeholder('input_1', [-1, 28, 28, 1]);
  const flat = b.reshape(`${SCOPE}/flatten/Reshape`, x, [-1, 784]);
  const logits = dense(b, 'dense_1', dense(b, 'dense', flat, folded, true, true), out, false, true);
  b.op('Identity', 'Identity', [logits]);
  return b.files(io('input_1', [-1, 28, 28, 1], 'dense_1'));
}

/** The strided CNN: input [-1, 28, 28, 1] in 0..1; probabilities out; fused convolutions. */
export function cnnGraph(
  convs: { weights: LayerWeights; stride: number }[],
  out: LayerWeights,
): GraphModelFiles {
  const b = new GraphBuilder();
  let x = b.placeholder('conv2d_input', [-1, 28, 28, 1]);
  convs.forEach(({ weights, stride }, i) => {
    const scope = `${SCOPE}/conv2d${i ? `_${i}` : ''}`;
    const filter = b.constant(
      `${scope}/Conv2D/ReadVariableOp`,
      weights.kernelShape,
      weights.kernel,
    );
    const bias = b.constant(`${scope}/BiasAdd/ReadVariableOp`, [weights.bias.length], weights.bias);
    x = b.fusedConv2d(`${scope}/Relu`, x, filter, bias, stride);
  });
  // Flattening NHWC row-major is what Keras' Flatten does, so the dense kernel reads as is.
  const flat = b.reshape(`${SCOPE}/flatten/Reshape`, x, [-1, out.kernelShape[0]!]);
  const logits = dense(b, 'dense', flat, out, false, true);
  b.op('Identity', 'Identity', [b.op(`${SCOPE}/dense/Softmax`, 'Softmax', [logits])]);
  return b.files(io('conv2d_input', [-1, 28, 28, 1], 'dense'));
}
