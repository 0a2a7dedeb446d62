import { HELD_OUT_WRITERS, INPUT_PIXELS } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
import { loadModelFile } from '../training/loadModelFile';
import { loadMnistSplit } from '../training/mnist';
import { loadStrokeDigits, splitByWriter } from '../training/pendigits';
import { bytesToFloats, predictClasses } from '../training/predict';
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
  const mnistImages = bytesToFloats(test.images);
  const { heldOut } = splitByWriter(loadStrokeDigits());
  const writerImages = new Float32Array(heldOut.length * INPUT_PIXELS);
  heldOut.forEach((d, i) => writerImages.set(strokesToInput(d.strokes)!, i * INPUT_PIXELS));
  const results: ModelAccuracy[] = [];
  for (const path of [shippedPath, ...others]) {
    const { model, metadata } = await loadModelFile(path);
    results.push({
      path,
      shipped: path === shippedPath,
      architecture: metadata?.architecture ?? '?',
      parameters: model.countParams(),
      mnist: accuracyReport(await predictClasses(model, mnistImages, test.count), test.labels),
      writers: accuracyReport(
        await predictClasses(model, writerImages, heldOut.length),
        heldOut.map((d) => d.label),
      ),
      heldOutWriters: HELD_OUT_WRITERS,
    });
    model.dispose();
  }
  return results;
}
