import type * as tf from '@tensorflow/tfjs';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelMetadata } from '../src/model/modelFormat';
import { describeChanges, flatten, modelFiles, modelProblems } from './shipChanges';

type ModelJson = tf.io.ModelJSON & { userDefinedMetadata: ModelMetadata };
const SHIPPED = 'public/model';
const shipped = () => JSON.parse(readFileSync(`${SHIPPED}/model.json`, 'utf8')) as ModelJson;
const shippedSize = (file: string) =>
  statSync(`${SHIPPED}/${file}`, { throwIfNoEntry: false })?.size ?? null;

describe('modelProblems', () => {
  it('passes the shipped model', () => {
    expect(modelProblems(shipped(), shippedSize)).toEqual([]);
    expect(modelFiles(shipped())).toEqual(['model.json', 'group1-shard1of1.bin']);
  });

  it('fails a missing or truncated shard', () => {
    expect(modelProblems(shipped(), () => null)).toEqual([
      'missing weight file group1-shard1of1.bin',
    ]);
    const bytes = shippedSize('group1-shard1of1.bin')!;
    expect(modelProblems(shipped(), (f) => shippedSize(f)! - 1)).toEqual([
      `weight group 0: files hold ${bytes - 1} bytes, the manifest expects ${bytes}`,
    ]);
  });

  it('fails a signature other than flatten_input [-1, 28, 28] -> dense_1 [-1, 10]', () => {
    const json = shipped();
    const { outputs, inputs } = json.userDefinedMetadata.signature_def.serving_default;
    outputs.dense_1!.tensor_shape.dim[1]!.size = '11';
    inputs.flatten_input!.tensor_shape.dim.pop();
    expect(modelProblems(json, shippedSize)).toEqual([
      'signature input flatten_input is [-1,28], not [-1,28,28]',
      'signature output dense_1 is [-1,11], not [-1,10]',
    ]);
    delete outputs.dense_1;
    expect(modelProblems(json, shippedSize)).toContain(
      'signature output dense_1 is null, not [-1,10]',
    );
  });

  it('fails what is not a model the page can read', () => {
    expect(modelProblems(null, shippedSize)).toEqual(['model.json is not a JSON object']);
    const json = shipped() as Partial<ModelJson>;
    delete json.userDefinedMetadata;
    json.format = 'graph-model';
    expect(modelProblems(json, shippedSize)).toEqual([
      'format is graph-model, not layers-model',
      'no metadata the page can read (userDefinedMetadata)',
    ]);
  });

  it('copies no weight file from outside the model folder', () => {
    const json = shipped();
    json.weightsManifest[0]!.paths = ['../model/group1-shard1of1.bin'];
    expect(modelProblems(json, shippedSize)).toEqual([
      'weight file ../model/group1-shard1of1.bin is not a plain file name',
    ]);
  });
});

describe('describeChanges', () => {
  const metadata = shipped().userDefinedMetadata;
  const before = { sizes: { 'model.json': 7145, 'group1-shard1of1.bin': 73259 }, metadata };

  it('says when nothing changed', () => {
    expect(describeChanges(before, before, { before: 'j', after: 'j' })).toEqual([
      'group1-shard1of1.bin: 73,259 B -> 73,259 B (same size)',
      'model.json: 7,145 B -> 7,145 B (same size)',
      'metadata: unchanged',
      'joinModel.json: unchanged',
    ]);
  });

  it('lists files, metadata values and the join model that changed', () => {
    const calibration = { ...metadata.calibration!, temperature: 0.7 };
    const after = {
      sizes: { 'model.json': 7200, 'group2-shard1of1.bin': 80000 },
      metadata: { ...metadata, architecture: 'p32-p64', calibration },
    };
    expect(describeChanges(before, after, { before: 'ab', after: 'abc' })).toEqual([
      'group1-shard1of1.bin: 73,259 B -> none',
      'group2-shard1of1.bin: none -> 80,000 B',
      'model.json: 7,145 B -> 7,200 B',
      `architecture: "${metadata.architecture}" -> "p32-p64"`,
      `calibration.temperature: ${metadata.calibration!.temperature} -> 0.7`,
      'joinModel.json: changed (2 -> 3 characters)',
    ]);
  });

  it('describes the first model shipped into an empty folder', () => {
    const lines = describeChanges({ sizes: {}, metadata: null }, before, {
      before: null,
      after: 'j',
    });
    expect(lines).toContain('model.json: none -> 7,145 B');
    expect(lines).toContain(
      `calibration.thresholds.sure: (none) -> ${metadata.calibration!.thresholds.sure}`,
    );
  });
});

describe('flatten', () => {
  it('keeps lists of values whole and descends into objects', () => {
    expect([...flatten({ a: { b: 1, c: ['x', 'y'] }, d: [{ e: true }] })]).toEqual([
      ['a.b', '1'],
      ['a.c', '["x","y"]'],
      ['d.0.e', 'true'],
    ]);
  });
});
