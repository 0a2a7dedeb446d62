import type { Browser } from '@playwright/test';
import { PREPROCESSING, type Preprocessing } from '../src/preprocess/preprocessing';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
import { placeOnPad } from '../training/padPlacement';
import { stratifiedSample } from '../training/stratifiedSample';
import { heldOutDigits, type StrokeDigit } from '../training/strokeDigits';
import { openApp } from './setup';

export interface ReplayResult {
  backend: string;
  /** Accuracy per preprocessing, all on the same drawings. */
  accuracy: Record<Preprocessing, AccuracyReport>;
  /** The app's mistakes with its own preprocessing: `writer#index: label read as digit`. */
  mistakes: string[];
  seconds: number;
}

/**
 * Real handwriting of writers the model never trained on (`perClass` of each digit), drawn
 * with the mouse through the built app, placed and scaled as the e2e handwriting spec does.
 * Each drawing is read with every preprocessing by switching the app's preprocessing choice,
 * so the three are compared on identical input.
 */
export async function replayHandwriting(
  browser: Browser,
  url: string,
  perClass: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReplayResult> {
  const started = performance.now();
  const sample = stratifiedSample(heldOutDigits(), perClass);
  const results = await replayDigits(browser, url, sample, (done) =>
    onProgress(done, sample.length),
  );
  const labels = sample.map((d) => d.label);
  const mistakes = results
    .filter((r) => r.read.mnist !== r.digit.label)
    .map((r) => `${r.digit.writer}#${r.digit.index}: ${r.digit.label} read as ${r.read.mnist}`);
  return {
    backend: results[0]?.backend ?? '?',
    accuracy: Object.fromEntries(
      PREPROCESSING.map((m) => [
        m,
        accuracyReport(
          results.map((r) => r.read[m]),
          labels,
        ),
      ]),
    ) as Record<Preprocessing, AccuracyReport>,
    mistakes,
    seconds: (performance.now() - started) / 1000,
  };
}

interface DigitRead {
  digit: StrokeDigit;
  backend: string;
  read: Record<Preprocessing, number>;
}

async function replayDigits(
  browser: Browser,
  url: string,
  digits: StrokeDigit[],
  onDigit: (done: number) => void,
): Promise<DigitRead[]> {
  const { context, app, backend } = await openApp(browser, url);
  try {
    const { side } = await app.padBox();
    let mode = await app.chosenPreprocessing();
    const reads: DigitRead[] = [];
    for (const [i, digit] of digits.entries()) {
      // One mouse move per recorded pen point, sent as a pen reports them (coalesced): that
      // is how the app reads real devices.
      await app.drawWithMouse(placeOnPad(digit, side, i), 'coalesced');
      const read = {} as Record<Preprocessing, number>;
      // Start with the mode left selected by the last digit: one switch fewer per digit.
      for (const next of [mode, ...PREPROCESSING.filter((m) => m !== mode)]) {
        if (next !== mode) await app.choosePreprocessing(next);
        mode = next;
        read[next] = await app.predictedDigit();
      }
      reads.push({ digit, backend, read });
      await app.clear();
      onDigit(reads.length);
    }
    return reads;
  } finally {
    await context.close();
  }
}
