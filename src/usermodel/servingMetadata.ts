import type { ModelMetadata } from '../model/modelFormat';
import type { TensorDescription } from './UserModel';

// What the tutorial's TF Serving answers, so the page can show a person's model (or ours) the
// way `GET /v1/models/mnist/metadata` and `POST /v1/models/mnist:predict` would.

/** One tensor of a signature as TF Serving's JSON writes it. */
export interface ServingTensorJson {
  dtype: string;
  tensor_shape: { dim: { size: string; name: string }[]; unknown_rank: boolean };
  name: string;
}

export interface ServingSignatureJson {
  inputs: Record<string, ServingTensorJson>;
  outputs: Record<string, ServingTensorJson>;
  method_name: string;
}

/** The body of `GET /v1/models/mnist/metadata`. */
export interface ServingMetadata {
  model_spec: { name: string; signature_name: string; version: string };
  metadata: { signature_def: { signature_def: { serving_default: ServingSignatureJson } } };
}

const MODEL_SPEC = { name: 'mnist', signature_name: '', version: '1' };

function tensorJson(tensor: TensorDescription): ServingTensorJson {
  return {
    dtype: tensor.dtype,
    tensor_shape: {
      dim: tensor.shape.map((d) => ({ size: String(d), name: '' })),
      unknown_rank: false,
    },
    name: tensor.tensorName ?? `serving_default_${tensor.name}:0`,
  };
}

const table = (tensors: readonly TensorDescription[]) =>
  Object.fromEntries(tensors.map((t) => [t.name, tensorJson(t)]));

/** Any model's signature (UserModel.inputs / outputs) as TF Serving's metadata body. */
export function servingMetadata(
  inputs: readonly TensorDescription[],
  outputs: readonly TensorDescription[],
): ServingMetadata {
  return wrap({
    inputs: table(inputs),
    outputs: table(outputs),
    method_name: 'tensorflow/serving/predict',
  });
}

/** The shipped model's metadata body, from the signature training wrote into model.json. */
export function shippedServingMetadata(
  metadata: Pick<ModelMetadata, 'signature_def'>,
): ServingMetadata {
  return wrap(metadata.signature_def.serving_default);
}

const wrap = (serving_default: ServingSignatureJson): ServingMetadata => ({
  model_spec: { ...MODEL_SPEC },
  metadata: { signature_def: { signature_def: { serving_default } } },
});

/** The metadata as the page shows it: JSON, indented by two spaces. */
export const metadataText = (metadata: ServingMetadata): string =>
  JSON.stringify(metadata, null, 2);

/**
 * The body of `POST /v1/models/mnist:predict` in TF Serving's columnar form: `fed` is the
 * batched input tensor as nested arrays (UserModel.fedTensor gives a batch of one).
 */
export const predictRequestBody = (fed: unknown): string => JSON.stringify({ inputs: fed });

/** The predict response TF Serving would send: one row of outputs per example. */
export const predictResponseBody = (outputs: readonly (readonly number[])[]): string =>
  JSON.stringify({ outputs });
