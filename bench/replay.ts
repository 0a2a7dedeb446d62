import type { Browser, Page } from '@playwright/test';
import {
  heldOutDigits,
  placeOnPad,
  stratifiedSample,
  type HandwrittenDigit,
} from '../e2e/support/handwriting';
import { PREPROCESSING, type Preprocessing } from '../src/preprocess/preprocessing';
import type { Stroke } from '../src/strokes';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
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
  digit: HandwrittenDigit;
  backend: string;
  read: Record<Preprocessing, number>;
}

async function replayDigits(
  browser: Browser,
  url: string,
  digits: HandwrittenDigit[],
  onDigit: (done: number) => void,
): Promise<DigitRead[]> {
  const { context, page, backend } = await openApp(browser, url);
  try {
    const box = (await page.getByTestId('drawing-pad').boundingBox())!;
    const side = Math.min(box.width, box.height);
    const select = page.getByTestId('preprocessing');
    let mode = (await select.inputValue()) as Preprocessing;
    const reads: DigitRead[] = [];
    for (const [i, digit] of digits.entries()) {
      await draw(page, box, placeOnPad(digit, side, i));
      const read = {} as Record<Preprocessing, number>;
      // Start with the mode left selected by the last digit: one switch fewer per digit.
      for (const next of [mode, ...PREPROCESSING.filter((m) => m !== mode)]) {
        if (next !== mode) await select.selectOption(next);
        mode = next;
        read[next] = await readPrediction(page);
      }
      reads.push({ digit, backend, read });
      await page.getByTestId('clear').click();
      await page.locator('[data-testid="prediction"][data-state="empty"]').waitFor();
      onDigit(reads.length);
    }
    return reads;
  } finally {
    await context.close();
  }
}

/**
 * Draws strokes given in pad pixels, one mouse move per recorded pen point. The moves of a
 * stroke are sent without waiting for each to be handled, as a pen or a fast mouse reports
 * them: Chromium delivers those that arrive within one frame as one pointermove whose
 * coalesced events carry every point, which is how the app reads real devices.
 */
async function draw(page: Page, box: { x: number; y: number }, strokes: Stroke[]): Promise<void> {
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(box.x + first[0], box.y + first[1]);
    await page.mouse.down();
    await Promise.all(rest.map(([x, y]) => page.mouse.move(box.x + x, box.y + y)));
    await page.mouse.up();
  }
}

async function readPrediction(page: Page): Promise<number> {
  const done = page.locator('[data-testid="prediction"][data-state="done"]');
  await done.waitFor();
  return Number(await done.getAttribute('data-digit'));
}
