import { HELD_OUT_WRITERS } from '../src/constants';
import { expectedCalibrationError } from '../training/calibration';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
import { renderDrawings } from '../training/drawings';
import { loadModelFile } from '../training/loadModelFile';
import { loadMnistSplit } from '../training/mnist';
import { loadNonDigits } from '../training/nonDigits';
import { bytesToFloats, classesOf, predictOutputs, type LabelledInputs } from '../training/predict';
import { heldOutDigits, renderDigits } from '../training/strokeDigits';
import { nonDigitReport, verdictReport, type VerdictReport } from '../training/verdictReport';
import { startWasmBackend } from '../training/wasmBackend';

export interface ModelAccuracy {
  path: string;
  shipped: boolean;
  architecture: string;
  parameters: number;
  mnist: Measured;
  /** Held-out pen writers, rendered with the app's preprocessing in Node (no browser). */
  writers: Measured;
  heldOutWriters: readonly string[];
  /** Share of the held-out non-digits (data/non-digits) the page calls "not a digit". */
  nonDigitsRejected: number;
  /** Calibrated temperature, or null for a model shipped without calibration. */
  temperature: number | null;
}

/** Accuracy, and the page's verdicts with the model's calibration and without (raw ECE). */
export type Measured = AccuracyReport & VerdictReport & { rawEce: number };

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
  const nonDigits = renderDrawings(loadNonDigits().map((d) => d.strokes));
  const results: ModelAccuracy[] = [];
  for (const path of [shippedPath, ...others]) {
    const { model, metadata } = await loadModelFile(path);
    const calibration = metadata?.calibration;
    const measure = async (set: LabelledInputs): Promise<Measured> => {
      const outputs = await predictOutputs(model, set.images, set.labels.length);
      return {
        ...accuracyReport(classesOf(outputs), set.labels),
        ...verdictReport(outputs, set.labels, calibration),
        rawEce: expectedCalibrationError(outputs.logits, set.labels),
      };
    };
    const rejected = nonDigitReport(
      await predictOutputs(model, nonDigits.images, nonDigits.count),
      calibration,
    ).rejected;
    results.push({
      path,
      shipped: path === shippedPath,
      architecture: metadata?.architecture ?? '?',
      parameters: model.countParams(),
      mnist: await measure(mnist),
      writers: await measure(writers),
      heldOutWriters: HELD_OUT_WRITERS,
      nonDigitsRejected: rejected,
      temperature: calibration?.temperature ?? null,
    });
    model.dispose();
  }
  return results;
}
