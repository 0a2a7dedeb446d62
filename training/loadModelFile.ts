import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModelMetadata } from '../src/model/modelFormat';
import { weightBytes } from '../src/model/weightBytes';

/**
 * Loads a layers model from model.json on disk, exactly the files a browser would fetch.
 * Each shard's length is checked against its manifest so a truncated file fails loudly.
 */
export async function loadModelFile(
  modelJsonPath: string,
): Promise<{ model: tf.LayersModel; metadata: ModelMetadata; artifacts: tf.io.ModelArtifacts }> {
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
  const dir = dirname(modelJsonPath);
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers = manifest.flatMap((group) =>
      group.paths.map((p) => {
        const b = readFileSync(join(dir, p));
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      }),
    );
    const expected = weightBytes(specs);
    const actual = buffers.reduce((n, b) => n + b.byteLength, 0);
    if (actual !== expected) {
      throw new Error(
        `${modelJsonPath}: weights hold ${actual} bytes, manifest expects ${expected}`,
      );
    }
    return [specs, buffers];
  });
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  return { model, metadata: json.userDefinedMetadata as unknown as ModelMetadata, artifacts };
}
