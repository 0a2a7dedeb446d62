import type { ModelMetadata } from '../model/modelFormat';
import {
  metadataText,
  predictRequestBody,
  servingMetadata,
  shippedServingMetadata,
} from './servingMetadata';
import type { Convention, UserModel } from './UserModel';

/** What the Model panel shows as TF Serving would: the metadata, and a predict request. */
export interface ServingTexts {
  /** Whose metadata: the person's model when one is loaded, else the shipped one. */
  of: 'yours' | 'shipped';
  /** `GET /v1/models/mnist/metadata`'s body; empty when the model carries no signature. */
  signature: string;
  /** `POST .../predict`'s body for the person's model and the chosen digit, or null. */
  requestBody: string | null;
}

/**
 * The metadata of the model in use for the comparison, and the request body holding exactly
 * the tensor the person's model is fed for `input` (the chosen digit).
 */
export function servingTexts(
  shipped: Pick<ModelMetadata, 'signature_def'> | null,
  user: { model: UserModel; convention: Convention } | null,
  input: Float32Array | null,
): ServingTexts {
  if (!user) {
    return {
      of: 'shipped',
      signature: shipped ? metadataText(shippedServingMetadata(shipped)) : '',
      requestBody: null,
    };
  }
  const { model, convention } = user;
  return {
    of: 'yours',
    signature: metadataText(servingMetadata(model.inputs, model.outputs)),
    requestBody: input ? predictRequestBody(model.fedTensor(input, convention)) : null,
  };
}
