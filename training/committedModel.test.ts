import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELD_OUT_WRITERS } from '../src/constants';
import type { ModelMetadata } from '../src/model/modelFormat';
import { accuracyReport } from './confusion';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { INPUT_NAME, OUTPUT_NAME } from './model';
import { bytesToFloats, predictClasses } from './predict';
import { heldOutDigits, renderDigits } from './strokeDigits';
import { startWasmBackend } from './wasmBackend';

// The model the app ships, checked from the same files a browser downloads.
const MODEL_DIR = new URL('../public/model/', import.meta.url).pathname;

describe('the committed model in public/model', () => {
  let loaded: Awaited<ReturnType<typeof loadModelFile>>;
  beforeAll(async () => {
    await startWasmBackend();
    loaded = await loadModelFile(join(MODEL_DIR, 'model.json'));
  });

  it('fits in 100 KB of files', () => {
    const total = readdirSync(MODEL_DIR).reduce((n, f) => n + statSync(join(MODEL_DIR, f)).size, 0);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });

  it('keeps the TF Serving signature: flatten_input [-1, 28, 28] -> dense_1 [-1, 10]', () => {
    const meta: ModelMetadata = loaded.metadata;
    const sig = meta.signature_def.serving_default;
    const dims = (t: { tensor_shape: { dim: { size: string }[] } }) =>
      t.tensor_shape.dim.map((d) => d.size);
    expect(dims(sig.inputs[INPUT_NAME]!)).toEqual(['-1', '28', '28']);
    expect(dims(sig.outputs[OUTPUT_NAME]!)).toEqual(['-1', '10']);
    expect(loaded.model.inputs[0]!.shape).toEqual([null, 28, 28]);
    expect(loaded.model.outputs[0]!.shape).toEqual([null, 10]);
    expect(meta.parameterCount).toBe(loaded.model.countParams());
  });

  it('reaches at least 99.1% on the MNIST test set, as its metadata says', async () => {
    const test = loadMnistSplit('t10k');
    const report = accuracyReport(
      await predictClasses(loaded.model, bytesToFloats(test.images), test.count),
      test.labels,
    );
    expect(report.accuracy).toBeGreaterThanOrEqual(0.991);
    expect(report.accuracy).toBeCloseTo(loaded.metadata.accuracy.mnistTest, 3);
  });

  it('reaches at least 98% on the pendigits writers it never saw', async () => {
    const heldOut = heldOutDigits();
    expect(new Set(heldOut.map((d) => d.writer))).toEqual(new Set(HELD_OUT_WRITERS));
    expect(loaded.metadata.accuracy.heldOutWriterIds).toEqual([...HELD_OUT_WRITERS]);
    const { images, labels } = renderDigits(heldOut);
    const report = accuracyReport(
      await predictClasses(loaded.model, images, labels.length),
      labels,
    );
    expect(report.accuracy).toBeGreaterThanOrEqual(0.98);
  });
});
