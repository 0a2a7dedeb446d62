// The checks and the report of `npm run ship` (training/ship.ts), free of file access.
import type * as tf from '@tensorflow/tfjs';
import { INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { readMetadata, type ServingTensorInfo } from '../src/model/modelFormat';
import { weightBytes } from '../src/model/weightBytes';
import { INPUT_NAME, OUTPUT_NAME } from './model';

/** A model folder as ship sees it: each file's size, and model.json's metadata. */
export interface ModelSnapshot {
  sizes: Record<string, number>;
  metadata: unknown;
}

/**
 * Why a model.json cannot ship; empty when it can. `shardSize` gives a file's bytes beside it
 * (null: missing). The page needs the seed's signature, flatten_input [-1, 28, 28] -> dense_1
 * [-1, 10], metadata it can read, and every weight byte the manifest names.
 */
export function modelProblems(json: unknown, shardSize: (path: string) => number | null): string[] {
  const model = json as Partial<tf.io.ModelJSON> | null;
  if (typeof model !== 'object' || model === null) return ['model.json is not a JSON object'];
  const problems: string[] = [];
  if (model.format !== 'layers-model') problems.push(`format is ${model.format}, not layers-model`);
  if (!model.modelTopology) problems.push('no modelTopology');
  problems.push(...manifestProblems(model.weightsManifest, shardSize));
  const metadata = readMetadata(model.userDefinedMetadata);
  if (!metadata) return [...problems, 'no metadata the page can read (userDefinedMetadata)'];
  const { inputs, outputs } = metadata.signature_def.serving_default;
  const expect = (what: string, tensor: ServingTensorInfo | undefined, dims: number[]) => {
    const actual = tensor?.tensor_shape.dim.map((d) => Number(d.size));
    if (JSON.stringify(actual) !== JSON.stringify(dims)) {
      problems.push(
        `signature ${what} is ${JSON.stringify(actual ?? null)}, not ${JSON.stringify(dims)}`,
      );
    }
  };
  expect(`input ${INPUT_NAME}`, inputs[INPUT_NAME], [-1, INPUT_SIZE, INPUT_SIZE]);
  expect(`output ${OUTPUT_NAME}`, outputs[OUTPUT_NAME], [-1, NUM_CLASSES]);
  return problems;
}

function manifestProblems(
  manifest: tf.io.WeightsManifestConfig | undefined,
  shardSize: (path: string) => number | null,
): string[] {
  if (!Array.isArray(manifest) || manifest.length === 0) return ['no weightsManifest'];
  return manifest.flatMap((group, i) => {
    // Shards are copied beside model.json: a path elsewhere would ship a stale or foreign file.
    const outside = group.paths.filter((p) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(p));
    if (outside.length) return [`weight file ${outside.join(', ')} is not a plain file name`];
    const sizes = group.paths.map(shardSize);
    const missing = group.paths.filter((_, k) => sizes[k] === null);
    if (missing.length) return [`missing weight file ${missing.join(', ')}`];
    const actual = sizes.reduce((n: number, s) => n + s!, 0);
    const expected = weightBytes(group.weights);
    return actual === expected
      ? []
      : [`weight group ${i}: files hold ${actual} bytes, the manifest expects ${expected}`];
  });
}

/** The files every shipped model needs: model.json and its shards. */
export function modelFiles(json: tf.io.ModelJSON): string[] {
  return ['model.json', ...json.weightsManifest.flatMap((g) => g.paths)];
}

/**
 * What shipping changed, a line each: files and their sizes, metadata values (dotted paths,
 * the signature included), and whether the fitted join model changed.
 */
export function describeChanges(
  before: ModelSnapshot,
  after: ModelSnapshot,
  joins: { before: string | null; after: string | null },
): string[] {
  const lines: string[] = [];
  const files = [...new Set([...Object.keys(before.sizes), ...Object.keys(after.sizes)])].sort();
  for (const file of files) {
    const [was, is] = [before.sizes[file], after.sizes[file]];
    const bytes = (n: number | undefined) =>
      n === undefined ? 'none' : `${n.toLocaleString('en')} B`;
    lines.push(`${file}: ${bytes(was)} -> ${bytes(is)}${was === is ? ' (same size)' : ''}`);
  }
  const [old, now] = [flatten(before.metadata), flatten(after.metadata)];
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changed = keys.filter((k) => old.get(k) !== now.get(k));
  for (const key of changed) {
    lines.push(`${key}: ${old.get(key) ?? '(none)'} -> ${now.get(key) ?? '(none)'}`);
  }
  if (!changed.length) lines.push('metadata: unchanged');
  lines.push(
    joins.before === joins.after
      ? 'joinModel.json: unchanged'
      : `joinModel.json: changed (${joins.before?.length ?? 0} -> ${joins.after?.length ?? 0} characters)`,
  );
  return lines;
}

/** Leaves of a JSON value by dotted path; arrays of scalars stay one value. */
export function flatten(
  value: unknown,
  path = '',
  out = new Map<string, string>(),
): Map<string, string> {
  const scalarArray =
    Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null);
  if (typeof value === 'object' && value !== null && !scalarArray) {
    for (const [key, child] of Object.entries(value))
      flatten(child, path ? `${path}.${key}` : key, out);
  } else if (path) {
    out.set(path, JSON.stringify(value));
  }
  return out;
}
