// The trained model as tfjs's layers format: model.json (with the serving signature in its
// metadata, as the shipped model has) and one float32 weights file.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { INPUT_SIZE, NUM_CLASSES } from '../constants';
import { servingTensor, type ModelMetadata } from '../model/modelFormat';
import { INPUT_NAME, OUTPUT_NAME } from './buildModel';
import type { TrainedModelFiles } from './trainProtocol';

export const TRAINED_MODEL_JSON = 'model.json';
/** The weights file model.json names; a download must keep this name beside model.json. */
export const TRAINED_WEIGHTS_FILE = 'group1-shard1of1.bin';

/** TF Serving's signature of every model trained here: flatten_input -> dense_1 logits. */
export function servingSignature(): ModelMetadata['signature_def'] {
  return {
    serving_default: {
      inputs: { [INPUT_NAME]: servingTensor(INPUT_NAME, [-1, INPUT_SIZE, INPUT_SIZE]) },
      outputs: { [OUTPUT_NAME]: servingTensor(OUTPUT_NAME, [-1, NUM_CLASSES]) },
      method_name: 'tensorflow/serving/predict',
    },
  };
}

/** model.save into memory, then model.json's content and the weights' bytes. */
export async function saveTrainedModel(
  model: tfl.LayersModel,
  metadata: ModelMetadata,
): Promise<TrainedModelFiles> {
  const { artifacts, weightData } = await saveToMemory(model);
  return {
    modelJson: {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_core}`,
      convertedBy: 'trained in the page (src/train/trainRun.ts)',
      modelTopology: artifacts.modelTopology,
      weightsManifest: [{ paths: [TRAINED_WEIGHTS_FILE], weights: artifacts.weightSpecs }],
      userDefinedMetadata: metadata,
    },
    weightData,
  };
}

/**
 * model.save into memory (no tfjs-node in Node, no download in the page): the topology, the
 * weight specs and the float32 weights as one buffer. Node's exportModel writes these too.
 */
export async function saveToMemory(model: tfl.LayersModel): Promise<{
  artifacts: tf.io.ModelArtifacts & { weightSpecs: tf.io.WeightsManifestEntry[] };
  weightData: ArrayBuffer;
}> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts?.weightSpecs || !artifacts.weightData)
    throw new Error('model.save gave no weights');
  const weightData = Array.isArray(artifacts.weightData)
    ? tf.io.concatenateArrayBuffers(artifacts.weightData)
    : artifacts.weightData;
  return { artifacts: { ...artifacts, weightSpecs: artifacts.weightSpecs }, weightData };
}
