import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A model folder on disk (model.json + the shards its manifest names), read as a browser
// would fetch it and loaded by tfjs's own loaders, with no checks of ours in between: the
// broken fixtures must fail inside tfjs the way they would for the page's loader.

export const MODEL_JSON = 'model.json';

export type FixtureModel =
  { format: 'graph'; model: tf.GraphModel } | { format: 'layers'; model: tf.LayersModel };

export function readModelJson(dir: string): tf.io.ModelJSON {
  return JSON.parse(readFileSync(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
}

/** Every shard the manifest names, concatenated in manifest order. */
export function readShards(dir: string, manifest: tf.io.WeightsManifestConfig): Uint8Array {
  return Buffer.concat(
    manifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p)))),
  );
}

/** Loads the folder with loadGraphModel or loadLayersModel, as its model.json's format says. */
export async function loadFixture(dir: string): Promise<FixtureModel> {
  const json = readModelJson(dir);
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const bytes = readShards(dir, manifest);
    const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    return [manifest.flatMap((g) => g.weights), data as ArrayBuffer];
  });
  if (json.format === 'graph-model') {
    return { format: 'graph', model: await tf.loadGraphModel(tf.io.fromMemory(artifacts)) };
  }
  if (json.format === 'layers-model') {
    return { format: 'layers', model: await tf.loadLayersModel(tf.io.fromMemory(artifacts)) };
  }
  throw new Error(`${dir}: ${MODEL_JSON} has format ${String(json.format)}`);
}

/** Writes a model folder afresh: model.json and each named shard. */
export function writeModelDir(
  dir: string,
  modelJson: unknown,
  shards: Readonly<Record<string, Uint8Array>>,
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MODEL_JSON), JSON.stringify(modelJson));
  for (const [name, bytes] of Object.entries(shards)) writeFileSync(join(dir, name), bytes);
}
