import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../src/constants';
import type { ModelMetadata } from '../src/model/modelFormat';
import { exportModel, MODEL_JSON, quantiseUint8, WEIGHTS_FILE } from './exportModel';
import { loadModelFile } from './loadModelFile';
import { buildModel } from './model';
import { startWasmBackend } from './wasmBackend';

const metadata = { architecture: 'test', parameterCount: 0 } as unknown as ModelMetadata;
const batch = () =>
  tf.tensor3d(
    Float32Array.from({ length: 4 * INPUT_PIXELS }, (_, i) => (Math.sin(i) + 1) / 2),
    [4, 28, 28],
  );

describe('export -> load round trip', () => {
  beforeAll(() => startWasmBackend(1));

  for (const arch of ['p32-p64', 'dense128'] as const) {
    it(`gives the in-memory ${arch} model's logits within quantisation tolerance`, async () => {
      const model = buildModel(arch, 1);
      const dir = mkdtempSync(join(tmpdir(), 'model-'));
      const sizes = await exportModel(model, dir, metadata);
      expect(sizes.weightBytes).toBe(model.countParams()); // one byte per weight
      const { model: loaded, metadata: read } = await loadModelFile(join(dir, MODEL_JSON));
      expect(read).toEqual(metadata);
      const x = batch();
      const expected = (model.predict(x) as tf.Tensor).dataSync();
      const actual = (loaded.predict(x) as tf.Tensor).dataSync();
      const range = Math.max(...expected) - Math.min(...expected);
      for (let i = 0; i < expected.length; i++) {
        expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(0.05 * range);
      }
      // And the same class wins for every image.
      const argmax = (v: Float32Array | Int32Array | Uint8Array, r: number) =>
        Array.from(v.slice(r * 10, r * 10 + 10)).indexOf(Math.max(...v.slice(r * 10, r * 10 + 10)));
      for (let r = 0; r < 4; r++) expect(argmax(actual, r)).toBe(argmax(expected, r));
      tf.dispose([x]);
      model.dispose();
      loaded.dispose();
    });
  }

  it('writes the quantisation as tensorflowjs_converter does', async () => {
    const model = buildModel('p32-p64', 1);
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    await exportModel(model, dir, metadata);
    const json = JSON.parse(readFileSync(join(dir, MODEL_JSON), 'utf8'));
    expect(json.format).toBe('layers-model');
    const entry = json.weightsManifest[0].weights[0];
    expect(entry.dtype).toBe('float32');
    expect(entry.quantization.dtype).toBe('uint8');
    expect(typeof entry.quantization.scale).toBe('number');
    model.dispose();
  });

  it('fails clearly when the weight shard is truncated', async () => {
    const model = buildModel('dense128', 1);
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    await exportModel(model, dir, metadata);
    truncateSync(join(dir, WEIGHTS_FILE), 1000);
    await expect(loadModelFile(join(dir, MODEL_JSON))).rejects.toThrow(/manifest expects/);
    model.dispose();
  });

  it('quantises each tensor to its own range, exactly at the ends', () => {
    const { specs, bytes } = quantiseUint8(
      [
        { name: 'a', shape: [3], dtype: 'float32' },
        { name: 'b', shape: [2], dtype: 'float32' },
      ],
      Float32Array.from([-1, 0, 1, 5, 5]),
    );
    expect([...bytes]).toEqual([0, 128, 255, 0, 0]);
    expect(specs[0]!.quantization).toEqual({ dtype: 'uint8', min: -1, scale: 2 / 255 });
    expect(specs[1]!.quantization).toEqual({ dtype: 'uint8', min: 5, scale: 1 });
  });
});
