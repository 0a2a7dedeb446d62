// What training writes into model.json's `userDefinedMetadata`, and the app reads back.
import type { VerdictThresholds } from './verdict';

/** One tensor of a TF Serving signature, as `GET /v1/models/mnist/metadata` reports it. */
export interface ServingTensorInfo {
  dtype: 'DT_FLOAT';
  tensor_shape: { dim: { size: string; name: string }[]; unknown_rank: false };
  name: string;
}

export interface ServingSignature {
  inputs: Record<string, ServingTensorInfo>;
  outputs: Record<string, ServingTensorInfo>;
  method_name: 'tensorflow/serving/predict';
}

/** A value as JSON holds it: what model.json's metadata is made of. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ModelMetadata {
  /** TF Serving's `metadata.signature_def.signature_def`, keyed `serving_default`. */
  signature_def: { serving_default: ServingSignature };
  architecture: string;
  parameterCount: number;
  /** How it was trained: the command, and the options objects themselves (augmentation). */
  training: Record<string, JsonValue>;
  /** Measured after export, on the quantised files as shipped (0..1). */
  accuracy: {
    mnistTest: number;
    mnistValidation: number;
    heldOutWriters?: number;
    heldOutWriterIds?: string[];
  };
  /** Fitted on validation data after training; absent from older models. */
  calibration?: Calibration;
}

/** How the page turns logits into honest probabilities and a verdict. */
export interface Calibration {
  /** Digit logits are divided by this before the softmax (temperature scaling). */
  temperature: number;
  thresholds: VerdictThresholds;
  /** What it was fitted on, in words (never test or held-out data). */
  fittedOn: string;
}

export function servingTensor(name: string, dims: number[]): ServingTensorInfo {
  return {
    dtype: 'DT_FLOAT',
    tensor_shape: { dim: dims.map((d) => ({ size: String(d), name: '' })), unknown_rank: false },
    name: `serving_default_${name}:0`,
  };
}

/**
 * The model's description if it has the shape the app reads, else null: model.json comes from
 * the server, and a model exported by another tool (or edited by hand) must not crash the page.
 */
export function readMetadata(raw: unknown): ModelMetadata | null {
  const m = raw as Partial<ModelMetadata> | null | undefined;
  const signature = m?.signature_def?.serving_default;
  const tensorsOk = (tensors: unknown) =>
    typeof tensors === 'object' &&
    tensors !== null &&
    Object.values(tensors).every((t: Partial<ServingTensorInfo> | null) =>
      Array.isArray(t?.tensor_shape?.dim),
    );
  if (
    !signature ||
    !tensorsOk(signature.inputs) ||
    !tensorsOk(signature.outputs) ||
    typeof m?.parameterCount !== 'number' ||
    typeof m.accuracy?.mnistTest !== 'number'
  ) {
    return null;
  }
  return m as ModelMetadata;
}
