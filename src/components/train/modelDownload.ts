import type { TrainedModelFiles } from '../../train/trainProtocol';

// The trained model as the two files "Download" saves: tfjs's layers format, one weights shard.

export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/**
 * The weights file's name for a run saved at `when`: its own per run, so a second download
 * into the same folder (which the browser saves as "model (1).json") still names its own
 * weights, not the first run's `weights.bin`. model.json may be renamed: loaders find it by
 * content (Your model) or by folder (`npm run eval -- --model DIR/model (1).json`).
 */
export function weightsFileName(files: TrainedModelFiles, when: Date): string {
  const metadata = files.modelJson.userDefinedMetadata as { architecture?: unknown } | undefined;
  const arch = typeof metadata?.architecture === 'string' ? metadata.architecture : 'model';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}-` +
    `${pad(when.getHours())}${pad(when.getMinutes())}${pad(when.getSeconds())}`;
  return `weights-${arch.replace(/[^\w-]/g, '')}-${stamp}.bin`;
}

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
