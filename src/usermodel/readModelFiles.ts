import type { io } from '@tensorflow/tfjs-core';
import {
  checkWeightBytes,
  concatBuffers,
  isModelJson,
  parseModelJson,
  type ModelFiles,
} from './modelFiles';
import { UserModelError } from './UserModel';

// Files picked or dropped: model.json may have any name (it is the JSON with a topology and a
// weights manifest), and each shard is found by the base name its manifest path ends with, so
// `weights/group1-shard1of2.bin` matches a picked `group1-shard1of2.bin`.

/** Reads model.json and its weight shards from the files a person picked or dropped. */
export async function readModelFiles(files: readonly File[]): Promise<ModelFiles> {
  const { file, json } = await findModelJson(files);
  const byName = new Map(files.map((f) => [f.name, f]));
  const groups = await Promise.all(
    json.weightsManifest.map(async (group) => {
      const shards = group.paths.map((path) => {
        const shard = byName.get(baseName(path));
        if (!shard) {
          throw new UserModelError(
            `The weight file ${baseName(path)} is missing: pick it together with ${file.name} ` +
              `(model.json lists ${describeAll(json)}).`,
            `manifest path ${path}; picked ${files.map((f) => f.name).join(', ')}`,
          );
        }
        return shard;
      });
      const buffers = await Promise.all(shards.map((s) => s.arrayBuffer()));
      const actual = buffers.reduce((n, b) => n + b.byteLength, 0);
      checkWeightBytes(
        group.weights,
        actual,
        shards.map((s) => s.name),
      );
      return buffers;
    }),
  );
  const weightData = concatBuffers(groups.flat());
  return {
    name: modelName(file),
    modelJson: json,
    weightData,
    bytes: file.size + weightData.byteLength,
  };
}

/** The last segment of a manifest path, which may be relative or URL-encoded. */
function baseName(path: string): string {
  const last = path.split(/[/\\]/).pop() ?? path;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const describeAll = (json: io.ModelJSON) =>
  json.weightsManifest.flatMap((g) => g.paths.map(baseName)).join(', ');

/** Folder picked (`webkitRelativePath`), else the file's own name. */
function modelName(file: File): string {
  const folder = file.webkitRelativePath?.split('/').slice(-2, -1)[0];
  return folder || file.name;
}

/** The .json among the files that is a tfjs model, or the reason none is. */
async function findModelJson(files: readonly File[]): Promise<{ file: File; json: io.ModelJSON }> {
  const candidates = files.filter((f) => /\.json$/i.test(f.name));
  if (candidates.length === 0) {
    throw new UserModelError(notConverted(files), `picked ${describeFiles(files)}`);
  }
  const texts = await Promise.all(candidates.map((f) => f.text()));
  for (const [i, text] of texts.entries()) {
    try {
      const value: unknown = JSON.parse(text);
      if (isModelJson(value)) return { file: candidates[i]!, json: value };
    } catch {
      // Not JSON: reported below if no other file is the model.
    }
  }
  // None is a model: say why for the first, in the same words as for a URL.
  parseModelJson(texts[0]!, candidates[0]!.name);
  throw new UserModelError(notConverted(files), `picked ${describeFiles(files)}`);
}

/** A Keras or SavedModel file is the usual mistake: say what to do with it. */
function notConverted(files: readonly File[]): string {
  const keras = files.find((f) => /\.(h5|hdf5|keras|pb)$/i.test(f.name));
  return keras
    ? `${keras.name} is not a tfjs model: convert it with tensorflowjs_converter, then pick the model.json and weight files it writes.`
    : 'These files are not a tfjs model: pick the model.json and its weight files (.bin).';
}

const describeFiles = (files: readonly File[]) =>
  files.map((f) => `${f.name} (${f.size} bytes)`).join(', ') || '(none)';
