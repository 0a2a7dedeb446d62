import type * as tf from '@tensorflow/tfjs';

// Writes a GraphDef in the JSON tensorflowjs_converter emits (protobuf's JSON mapping): int64
// values as strings, string attributes base64, every weight a Const node whose values live in
// the weights manifest under the node's name. tfjs-converter's operation_mapper reads exactly
// these fields (`attr.*.type`, `.s`, `.b`, `.i`, `.f`, `.list`, `.shape.dim[].size`).

type AttrValue =
  | { type: string }
  | { b: boolean }
  | { s: string }
  | { i: string }
  | { f: number }
  | { shape: TensorShape }
  | { list: { i?: string[]; s?: string[] } }
  | { tensor: { dtype: string; tensorShape: TensorShape } };

interface TensorShape {
  dim: { size: string }[];
}

export interface GraphNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, AttrValue>;
}

/** One tensor of a SavedModel signature as the converter writes it. */
export interface SignatureEntry {
  name: string;
  dtype: 'DT_FLOAT';
  tensorShape: TensorShape;
}

export interface GraphModelFiles {
  modelJson: Record<string, unknown>;
  /** The one shard, the manifest's weights in order. */
  weightData: Uint8Array;
}

export const GRAPH_SHARD = 'group1-shard1of1.bin';

const FLOAT = { type: 'DT_FLOAT' };
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const shapeOf = (dims: readonly number[]): TensorShape => ({
  dim: dims.map((d) => ({ size: String(d) })),
});
const ints = (values: readonly number[]) => ({ list: { i: values.map(String) } });

/** Builds one graph model, node by node; each method returns the new node's name. */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly weights: { spec: tf.io.WeightsManifestEntry; bytes: Uint8Array }[] = [];

  placeholder(name: string, shape: readonly number[]): string {
    return this.add({
      name,
      op: 'Placeholder',
      attr: { dtype: FLOAT, shape: { shape: shapeOf(shape) } },
    });
  }

  /** A weight: a Const node, its values in the manifest (float32 or int32, as the converter). */
  constant(name: string, shape: readonly number[], values: Float32Array | Int32Array): string {
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== values.length)
      throw new Error(`${name}: shape ${shape} holds ${size} values, got ${values.length}`);
    const dtype = values instanceof Int32Array ? 'int32' : 'float32';
    const tfDtype = dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT';
    this.weights.push({
      spec: { name, shape: [...shape], dtype },
      // A copy: the caller's array may change after this call.
      bytes: new Uint8Array(values.slice().buffer),
    });
    return this.add({
      name,
      op: 'Const',
      attr: {
        value: { tensor: { dtype: tfDtype, tensorShape: shapeOf(shape) } },
        dtype: { type: tfDtype },
      },
    });
  }

  /** Any op by name: also the way to write one tfjs does not know. */
  op(name: string, op: string, input: string[], attr: Record<string, AttrValue> = {}): string {
    return this.add({ name, op, input, attr: { T: FLOAT, ...attr } });
  }

  reshape(name: string, x: string, shape: readonly number[]): string {
    const target = this.constant(`${name}/shape`, [shape.length], Int32Array.from(shape));
    return this.op(name, 'Reshape', [x, target], { Tshape: { type: 'DT_INT32' } });
  }

  matMul(name: string, x: string, kernel: string): string {
    return this.op(name, 'MatMul', [x, kernel], {
      transpose_a: { b: false },
      transpose_b: { b: false },
    });
  }

  biasAdd(name: string, x: string, bias: string): string {
    return this.op(name, 'BiasAdd', [x, bias], { data_format: { s: base64('NHWC') } });
  }

  /** MatMul + BiasAdd (+ Relu) in one node, as Grappler fuses them before conversion. */
  fusedMatMul(name: string, x: string, kernel: string, bias: string, relu: boolean): string {
    return this.op(name, '_FusedMatMul', [x, kernel, bias], {
      transpose_a: { b: false },
      transpose_b: { b: false },
      ...fusion(relu),
    });
  }

  /** Conv2D + BiasAdd + Relu in one node (Grappler's fusion), 'SAME' padding, NHWC. */
  fusedConv2d(name: string, x: string, filter: string, bias: string, stride: number): string {
    return this.op(name, '_FusedConv2D', [x, filter, bias], {
      strides: ints([1, stride, stride, 1]),
      padding: { s: base64('SAME') },
      data_format: { s: base64('NHWC') },
      dilations: ints([1, 1, 1, 1]),
      explicit_paddings: { list: {} },
      use_cudnn_on_gpu: { b: true },
      ...fusion(true),
    });
  }

  /**
   * model.json as the converter writes it: the signature at the top (tfjs >= 2) or, as older
   * converters did, in `userDefinedMetadata.signature`.
   */
  files(
    signature: { inputs: Record<string, SignatureEntry>; outputs: Record<string, SignatureEntry> },
    signatureIn: 'top' | 'userDefinedMetadata' = 'top',
  ): GraphModelFiles {
    const bytes = new Uint8Array(this.weights.reduce((n, w) => n + w.bytes.length, 0));
    let offset = 0;
    for (const w of this.weights) {
      bytes.set(w.bytes, offset);
      offset += w.bytes.length;
    }
    const modelJson = {
      format: 'graph-model',
      generatedBy: '2.15.0',
      convertedBy:
        'training/userModelFixtures/makeGraphModels.ts (as TensorFlow.js Converter v4.22.0)',
      ...(signatureIn === 'top' ? { signature } : { userDefinedMetadata: { signature } }),
      modelTopology: { node: this.nodes, library: {}, versions: { producer: 1645 } },
      weightsManifest: [{ paths: [GRAPH_SHARD], weights: this.weights.map((w) => w.spec) }],
    };
    return { modelJson, weightData: bytes };
  }

  private add(node: GraphNode): string {
    if (this.nodes.some((n) => n.name === node.name))
      throw new Error(`duplicate node ${node.name}`);
    this.nodes.push(node);
    return node.name;
  }
}

/** A signature entry: the tensor `name:0` of `shape`, float32. */
export function signatureEntry(name: string, shape: readonly number[]): SignatureEntry {
  return { name: `${name}:0`, dtype: 'DT_FLOAT', tensorShape: shapeOf(shape) };
}

function fusion(relu: boolean): Record<string, AttrValue> {
  const ops = relu ? ['BiasAdd', 'Relu'] : ['BiasAdd'];
  return {
    fused_ops: { list: { s: ops.map(base64) } },
    num_args: { i: '1' },
    epsilon: { f: 0 },
    leakyrelu_alpha: { f: 0.2 },
  };
}
