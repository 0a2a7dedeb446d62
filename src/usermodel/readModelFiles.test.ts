import { describe, expect, it } from 'vitest';
import { readModelFiles } from './readModelFiles';
import { UserModelError } from './UserModel';

// Two groups, two shards in the first: 2x3 float32 (24 bytes) over a.bin + b.bin, 4 bytes in c.bin.
const modelJson = {
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential' },
  weightsManifest: [
    {
      paths: ['a.bin', 'weights/b%20b.bin'],
      weights: [{ name: 'w', shape: [2, 3], dtype: 'float32' }],
    },
    { paths: ['c.bin'], weights: [{ name: 'b', shape: [1], dtype: 'float32' }] },
  ],
};
const bytes = (n: number, start = 0) => Uint8Array.from({ length: n }, (_, i) => start + i);
const file = (name: string, content: BlobPart) => new File([content], name);
const json = (name = 'model.json', content: unknown = modelJson) =>
  file(name, JSON.stringify(content));
const shards = () => [
  file('a.bin', bytes(16)),
  file('b b.bin', bytes(8, 16)),
  file('c.bin', bytes(4, 24)),
];

async function failure(files: File[]): Promise<UserModelError> {
  const error = await readModelFiles(files).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserModelError);
  return error as UserModelError;
}

describe('readModelFiles', () => {
  it('finds model.json by its content and the shards by the names the manifest lists', async () => {
    const files = [
      file('notes.json', '{"not": "a model"}'),
      ...shards().reverse(),
      json('my-model.json'),
    ];
    const read = await readModelFiles(files);
    expect(read.name).toBe('my-model.json');
    expect(read.modelJson).toEqual(modelJson);
    expect(Array.from(new Uint8Array(read.weightData))).toEqual(Array.from(bytes(28)));
    expect(read.bytes).toBe(JSON.stringify(modelJson).length + 28);
  });
  it('says which files are not a tfjs model', async () => {
    expect((await failure(shards())).message).toBe(
      'These files are not a tfjs model: pick the model.json and its weight files (.bin).',
    );
    expect((await failure([file('model.h5', 'HDF')])).message).toBe(
      'model.h5 is not a tfjs model: convert it with tensorflowjs_converter, then pick the model.json and weight files it writes.',
    );
    expect((await failure([file('model.json', '{"format": "graph-model",')])).message).toBe(
      'model.json is not a tfjs model: it is not valid JSON.',
    );
    expect((await failure([json('model.json', { format: 'graph-model' })])).message).toBe(
      'model.json is not a tfjs model: it has no modelTopology or no weightsManifest. Convert your model with tensorflowjs_converter first.',
    );
  });
  it('names a missing shard', async () => {
    const error = await failure([json(), file('a.bin', bytes(16)), file('c.bin', bytes(4))]);
    expect(error.message).toBe(
      'The weight file b b.bin is missing: pick it together with model.json (model.json lists a.bin, b b.bin, c.bin).',
    );
  });
  it('names a short or long shard with its bytes', async () => {
    const [a, b, c] = shards();
    const short = await failure([json(), a!, file('b b.bin', bytes(7)), c!]);
    expect(short.message).toBe(
      'The weight files a.bin, b b.bin are too short (23 of 24 bytes): incomplete or damaged.',
    );
    const long = await failure([json(), a!, b!, file('c.bin', bytes(5))]);
    expect(long.message).toBe(
      'The weight file c.bin is too long (5 bytes, model.json lists 4): from another model, or damaged.',
    );
  });
});
