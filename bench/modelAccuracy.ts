import { HELD_OUT_WRITERS } from '../src/constants';
import { forwardModel } from '../src/model/forwardModel';
import { DEFAULT_SIMULATION } from '../training/adaptSimulation';
import { adaptationReport, type AdaptationReport } from '../training/adaptationReport';
import { expectedCalibrationError } from '../training/calibration';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
import { renderDrawings } from '../training/drawings';
import { loadModelFile } from '../training/loadModelFile';
import { loadMnistSplit } from '../training/mnist';
import { loadNonDigits } from '../training/nonDigits';
import { bytesToFloats, classesOf, predictOutputs, type LabelledInputs } from '../training/predict';
import { heldOutDigits, renderDigits, type StrokeDigit } from '../training/strokeDigits';
import { nonDigitReport, verdictReport, type VerdictReport } from '../training/verdictReport';
import { loadNonDigitDrawings } from '../training/nonDigitDrawings';
import { loadUnipenDigits, UNIPEN_LETTERS_FILE, type UnipenDigit } from '../training/unipen';
import { startWasmBackend } from '../training/wasmBackend';
import { selectWriters } from '../training/writers';

export interface ModelAccuracy {
  path: string;
  shipped: boolean;
  architecture: string;
  parameters: number;
  mnist: Measured;
  /** Held-out pen writers, rendered with the app's preprocessing in Node (no browser). */
  writers: Measured;
  heldOutWriters: readonly string[];
  /** UNIPEN's held-out writers (data/unipen/split.json), and the accuracy per site. */
  unipen: Measured & { perSite: Record<string, { accuracy: number; count: number }> };
  /** Share of the held-out non-digits (data/non-digits) the page calls "not a digit". */
  nonDigitsRejected: number;
  /** The same for UNIPEN's held-out writers' letters that no digit resembles. */
  lettersRejected: number;
  /** Calibrated temperature, or null for a model shipped without calibration. */
  temperature: number | null;
  /** The page's adaptation replayed on each held-out source (shipped model only). */
  adaptation: { pen: Adaptation; unipen: Adaptation } | null;
}

/**
 * `npm run eval -- --adapt` on one source (every misread corrected, the page's rule): its
 * totals, without the per-writer rows, which bench.json does not need.
 */
export type Adaptation = Pick<
  AdaptationReport,
  | 'count'
  | 'errorsBaseline'
  | 'errorsAdapted'
  | 'errorsUntaught'
  | 'otherWriterDelta'
  | 'worstOtherWriterDelta'
>;

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
  const penDigits = heldOutDigits();
  const writers = renderDigits(penDigits);
  const nonDigits = renderDrawings(loadNonDigits().map((d) => d.strokes));
  const unipenDigits = selectWriters(loadUnipenDigits(), 'held-out');
  const unipen = renderDigits(unipenDigits);
  const letters = renderDrawings(
    loadNonDigitDrawings(UNIPEN_LETTERS_FILE, 'held-out').map((l) => l.strokes),
  );
  const results: ModelAccuracy[] = [];
  for (const path of [shippedPath, ...others]) {
    const { model, metadata, artifacts } = await loadModelFile(path);
    const calibration = metadata?.calibration;
    const adapt = async (digits: readonly StrokeDigit[]): Promise<Adaptation> => {
      const r = await adaptationReport(forwardModel(artifacts), digits, {
        ...DEFAULT_SIMULATION,
        temperature: calibration?.temperature ?? 1,
      });
      return {
        count: r.count,
        errorsBaseline: r.errorsBaseline,
        errorsAdapted: r.errorsAdapted,
        errorsUntaught: r.errorsUntaught,
        otherWriterDelta: r.otherWriterDelta,
        worstOtherWriterDelta: r.worstOtherWriterDelta,
      };
    };
    const shipped = path === shippedPath;
    const measureClasses = async (set: LabelledInputs) => {
      const outputs = await predictOutputs(model, set.images, set.labels.length);
      const predicted = classesOf(outputs);
      const measured: Measured = {
        ...accuracyReport(predicted, set.labels),
        ...verdictReport(outputs, set.labels, calibration),
        rawEce: expectedCalibrationError(outputs.logits, set.labels),
      };
      return { measured, predicted };
    };
    const measure = async (set: LabelledInputs) => (await measureClasses(set)).measured;
    const rejectedOf = async (set: { images: Float32Array; count: number }) =>
      nonDigitReport(await predictOutputs(model, set.images, set.count), calibration).rejected;
    const unipenRead = await measureClasses(unipen);
    results.push({
      path,
      shipped,
      architecture: metadata?.architecture ?? '?',
      parameters: model.countParams(),
      mnist: await measure(mnist),
      writers: await measure(writers),
      heldOutWriters: HELD_OUT_WRITERS,
      unipen: { ...unipenRead.measured, perSite: perSite(unipenDigits, unipenRead.predicted) },
      nonDigitsRejected: await rejectedOf(nonDigits),
      lettersRejected: await rejectedOf(letters),
      temperature: calibration?.temperature ?? null,
      adaptation: shipped
        ? { pen: await adapt(penDigits), unipen: await adapt(unipenDigits) }
        : null,
    });
    model.dispose();
  }
  return results;
}

/** Accuracy per UNIPEN site of the digits, from the classes predicted for them. */
function perSite(
  digits: readonly UnipenDigit[],
  predicted: ArrayLike<number>,
): Record<string, { accuracy: number; count: number }> {
  const sites: Record<string, { accuracy: number; count: number }> = {};
  digits.forEach((d, i) => {
    const site = (sites[d.institution] ??= { accuracy: 0, count: 0 });
    site.count++;
    site.accuracy += Number(predicted[i] === d.label);
  });
  for (const site of Object.values(sites)) site.accuracy /= site.count;
  return sites;
}
