import type { TrainedModelFiles } from '../../train/trainProtocol';

// The trained model as the two files "Download" saves: tfjs's layers format, one weights shard.

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

interface ManifestGroup {
  paths: string[];
  weights: unknown[];
}

function isGroup(value: unknown): value is ManifestGroup {
  if (typeof value !== 'object' || value === null) return false;
  const group = value as Record<string, unknown>;
  return Array.isArray(group.paths) && Array.isArray(group.weights);
}

/**
 * model.json's text with one manifest group naming `shard`: tfjs reads a group's weights from
 * its shards concatenated, so all groups' weights in order over the whole weight data is the
 * same model, and it loads from the file the browser saved.
 */
export function downloadableModelJson(files: TrainedModelFiles, shard = WEIGHTS_FILE): string {
  const manifest = files.modelJson.weightsManifest;
  if (!Array.isArray(manifest) || !manifest.every(isGroup)) {
    throw new Error('The trained model has no weights manifest.');
  }
  const weights = manifest.flatMap((group) => group.weights);
  return JSON.stringify({ ...files.modelJson, weightsManifest: [{ paths: [shard], weights }] });
}
