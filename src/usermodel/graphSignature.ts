import type { io } from '@tensorflow/tfjs-core';

// What a converted graph model's model.json says about its inputs and outputs, read as plain
// JSON (no tfjs-converter), so the checks can be tested without loading anything.

/** A TensorInfo of a SavedModel signature as tensorflowjs_converter writes it. */
export interface SignatureTensor {
  name?: string;
  dtype?: string;
  tensorShape?: { dim?: { size?: string | number }[]; unknownRank?: boolean };
}

export interface GraphSignature {
  inputs: Record<string, SignatureTensor>;
  outputs: Record<string, SignatureTensor>;
}

/**
 * The signature tfjs-converter runs by: `userDefinedMetadata.signature` where present (it wins
 * in GraphModel too), else the top-level `signature`; null for a model without one.
 */
export function graphSignature(artifacts: io.ModelArtifacts): GraphSignature | null {
  const metadata = artifacts.userDefinedMetadata as { signature?: unknown } | undefined;
  const raw = (metadata?.signature ?? artifacts.signature) as Partial<GraphSignature> | undefined;
  if (typeof raw !== 'object' || raw === null) return null;
  const table = (v: unknown) =>
    typeof v === 'object' && v !== null ? (v as Record<string, SignatureTensor>) : {};
  return { inputs: table(raw.inputs), outputs: table(raw.outputs) };
}

/** A signature tensor's dims, -1 for any size; null when unknown. */
export function signatureDims(tensor: SignatureTensor | undefined): number[] | null {
  const shape = tensor?.tensorShape;
  if (!shape || shape.unknownRank || !Array.isArray(shape.dim)) return null;
  return shape.dim.map((d) => {
    const size = Number(d.size ?? -1);
    return Number.isFinite(size) ? size : -1;
  });
}

/** TF's name of a tfjs dtype (`float32` -> `DT_FLOAT`), as TF Serving reports it. */
export function tfDtype(dtype: string | undefined): string {
  const names: Record<string, string> = {
    float32: 'DT_FLOAT',
    int32: 'DT_INT32',
    bool: 'DT_BOOL',
    string: 'DT_STRING',
    complex64: 'DT_COMPLEX64',
  };
  if (dtype === undefined) return 'DT_FLOAT';
  return names[dtype] ?? (dtype.startsWith('DT_') ? dtype : `DT_${dtype.toUpperCase()}`);
}

interface GraphNode {
  name: string;
  op: string;
  input?: string[];
}

/** Ops that pass their first input through unchanged: the output's value is made before them. */
const PASS_THROUGH = new Set(['Identity', 'IdentityN', 'StopGradient', 'Snapshot']);

/** Whether the node `name` computes, through pass-through ops, a Softmax. */
export function graphEndsInSoftmax(topology: unknown, name: string): boolean {
  const nodes = (topology as { node?: GraphNode[] } | null)?.node ?? [];
  const byName = new Map(nodes.map((n) => [n.name, n]));
  let node = byName.get(name.replace(/:\d+$/, ''));
  for (let hops = 0; node && hops < nodes.length; hops++) {
    if (node.op === 'Softmax') return true;
    if (!PASS_THROUGH.has(node.op)) return false;
    const input = node.input?.[0];
    node = input === undefined ? undefined : byName.get(input.replace(/^\^/, '').split(':')[0]!);
  }
  return false;
}
