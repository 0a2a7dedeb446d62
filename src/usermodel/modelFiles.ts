import { io } from '@tensorflow/tfjs-core';
import { weightBytes } from '../model/weightBytes';
import { UserModelError, type KeptModelFiles } from './UserModel';

/** A model's files, from any source, with the weights checked against the manifest. */
export interface ModelFiles {
  /** What the person would call it. */
  name: string;
  /** model.json as parsed. */
  modelJson: io.ModelJSON;
  /** The weight shards concatenated in manifest order. */
  weightData: ArrayBuffer;
  /** model.json and weights, as read. */
  bytes: number;
}

/** A tfjs model.json: an object with a topology and a weights manifest. */
export function isModelJson(value: unknown): value is io.ModelJSON {
  if (typeof value !== 'object' || value === null) return false;
  const json = value as Partial<io.ModelJSON>;
  return (
    typeof json.modelTopology === 'object' &&
    json.modelTopology !== null &&
    Array.isArray(json.weightsManifest)
  );
}

/** Parses a model.json's text, or says in words why it is not a tfjs model. */
export function parseModelJson(text: string, fileName: string): io.ModelJSON {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserModelError(
      `${fileName} is not a tfjs model: it is not valid JSON.`,
      `${fileName}: ${(error as Error).message}; starts with ${JSON.stringify(text.slice(0, 60))}`,
    );
  }
  if (!isModelJson(value)) {
    const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
    throw new UserModelError(
      `${fileName} is not a tfjs model: it has no modelTopology or no weightsManifest. ` +
        'Convert your model with tensorflowjs_converter first.',
      `${fileName}: keys ${keys.join(', ') || '(none)'}`,
    );
  }
  return value;
}

/** Throws if `actual` weight bytes are not what the manifest (or one group of it) lists. */
export function checkWeightBytes(
  specs: readonly io.WeightsManifestEntry[],
  actual: number,
  files: readonly string[],
): void {
  let expected: number;
  try {
    expected = weightBytes(specs);
  } catch (error) {
    throw new UserModelError(
      'The model has weights of a type the page cannot read (strings).',
      (error as Error).message,
    );
  }
  if (actual === expected) return;
  const names = files.join(', ');
  const subject =
    files.length > 1 ? `The weight files ${names} are` : `The weight file ${names} is`;
  throw new UserModelError(
    actual < expected
      ? `${subject} too short (${actual} of ${expected} bytes): incomplete or damaged.`
      : `${subject} too long (${actual} bytes, model.json lists ${expected}): from another model, or damaged.`,
    `${names}: ${actual} bytes, manifest expects ${expected}`,
  );
}

/** Buffers one after another, as tfjs concatenates weight shards. */
export function concatBuffers(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const buffer of buffers) {
    out.set(new Uint8Array(buffer), offset);
    offset += buffer.byteLength;
  }
  return out.buffer;
}

/** The manifest's weights in order, as one list. */
export const weightSpecsOf = (json: io.ModelJSON): io.WeightsManifestEntry[] =>
  json.weightsManifest.flatMap((group) => group.weights);

/** What tfjs's loaders take (signature and initializers included, unlike a hand-picked copy). */
export function toArtifacts(files: ModelFiles): io.ModelArtifacts {
  return io.getModelArtifactsForJSONSync(
    files.modelJson,
    weightSpecsOf(files.modelJson),
    files.weightData,
  );
}

/** A kept copy, checked again: a damaged store must not give a model with garbage weights. */
export function keptModelFiles(kept: KeptModelFiles): ModelFiles {
  const { modelJson, weightData } = kept.artifacts;
  if (!isModelJson(modelJson) || !(weightData instanceof ArrayBuffer)) {
    throw new UserModelError(
      'The model kept on this device is damaged: it is not a complete tfjs model.',
      `kept ${kept.name}: keys ${Object.keys(modelJson ?? {}).join(', ')}`,
    );
  }
  checkWeightBytes(weightSpecsOf(modelJson), weightData.byteLength, ['kept on this device']);
  const jsonBytes = new TextEncoder().encode(JSON.stringify(modelJson)).length;
  return { name: kept.name, modelJson, weightData, bytes: jsonBytes + weightData.byteLength };
}
