import { HELD_OUT_WRITERS } from '../src/constants';
import type { AccuracyReport } from '../training/confusion';
import { loadModelFile } from '../training/loadModelFile';
import { loadMnistSplit } from '../training/mnist';
import { bytesToFloats, measureAccuracy } from '../training/predict';
import { heldOutDigits, renderDigits } from '../training/strokeDigits';
import { startWasmBackend } from '../training/wasmBackend';

export interface ModelAccuracy {
  path: string;
  shipped: boolean;
  architecture: string;
  parameters: number;
  mnist: AccuracyReport;
  /** Held-out pen writers, rendered with the app's preprocessing in Node (no browser). */
  writers: AccuracyReport;
  heldOutWriters: readonly string[];
}

/**
 * MNIST test and held-out-writer accuracy of the shipped model and of every other trained
 * model given (training/runs/<arch>/model.json), measured on their files.
 */
export async function modelAccuracies(
  shippedPath: string,
  others: string[],
): Promise<ModelAccuracy[]> {
  await startWasmBackend();
  const test = loadMnistSplit('t10k');
  const mnist = { images: bytesToFloats(test.images), labels: test.labels };
  const writers = renderDigits(heldOutDigits());
  const results: ModelAccuracy[] = [];
  for (const path of [shippedPath, ...others]) {
    const { model, metadata } = await loadModelFile(path);
    results.push({
      path,
      shipped: path === shippedPath,
      architecture: metadata?.architecture ?? '?',
      parameters: model.countParams(),
      mnist: await measureAccuracy(model, mnist),
      writers: await measureAccuracy(model, writers),
      heldOutWriters: HELD_OUT_WRITERS,
    });
    model.dispose();
  }
  return results;
}
