import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata } from '../src/model/modelFormat';
import { saveToMemory } from '../src/train/trainedModelFiles';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_FILE = 'group1-shard1of1.bin';

/**
 * Writes a layers model as tensorflowjs_converter would, without tfjs-node: model.json plus
 * one binary shard whose float32 weights are quantised to uint8 (per tensor, value = q * scale
 * + min), described in each manifest entry's `quantization`, which tfjs dequantises on load.
 */
export async function exportModel(
  model: tf.LayersModel,
  dir: string,
  metadata: ModelMetadata,
): Promise<{ modelJsonBytes: number; weightBytes: number }> {
  const { artifacts, weightData } = await saveToMemory(model);
  const source = new Float32Array(weightData);
  const { specs, bytes } = quantiseUint8(artifacts.weightSpecs, source);

  const modelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: 'training/exportModel.ts (uint8 affine quantisation)',
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
    userDefinedMetadata: metadata,
  };
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(modelJson);
  writeFileSync(join(dir, MODEL_JSON), json);
  writeFileSync(join(dir, WEIGHTS_FILE), bytes);
  return { modelJsonBytes: Buffer.byteLength(json), weightBytes: bytes.length };
}

/** Quantises each float32 tensor to uint8 with its own range; exported for tests. */
export function quantiseUint8(
  specs: tf.io.WeightsManifestEntry[],
  values: Float32Array,
): { specs: tf.io.WeightsManifestEntry[]; bytes: Uint8Array } {
  const total = specs.reduce((n, s) => n + size(s.shape), 0);
  if (total !== values.length) {
    throw new Error(`weights manifest describes ${total} values, data holds ${values.length}`);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  const out = specs.map((spec) => {
    if (spec.dtype !== 'float32') throw new Error(`cannot quantise ${spec.name}: ${spec.dtype}`);
    const n = size(spec.shape);
    const slice = values.subarray(offset, offset + n);
    let min = Infinity;
    let max = -Infinity;
    for (const v of slice) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    // A constant tensor (e.g. zero biases) still needs a non-zero scale.
    const scale = max > min ? (max - min) / 255 : 1;
    for (let i = 0; i < n; i++) bytes[offset + i] = Math.round((slice[i]! - min) / scale);
    offset += n;
    return { ...spec, quantization: { dtype: 'uint8' as const, min, scale } };
  });
  return { specs: out, bytes };
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
