import type { Browser } from '@playwright/test';
import { HELD_OUT_NON_DIGITS_FILE } from '../training/nonDigits';
import { loadNonDigitDrawings } from '../training/nonDigitDrawings';
import { placeOnPad } from '../training/padPlacement';
import { UNIPEN_LETTERS_FILE } from '../training/unipen';
import { openApp } from './setup';

export interface NonDigitReplayResult {
  backend: string;
  drawings: number;
  multiStroke: number;
  /** Share that end with no digit shown on the page. */
  noDigitShown: number;
  multiStrokeNoDigitShown: number;
  /** What the page showed for each drawing that ended with a digit. */
  shownDigits: string[];
  seconds: number;
}

/**
 * `count` held-out drawings that are not digits, half the generated ones of data/non-digits/
 * and half UNIPEN's held-out writers' letters that no digit resembles, each spread over its
 * file: the same drawings on every run (and in training/nonNumbersReport.ts).
 */
export function heldOutNonDigitSample(count: number) {
  const spread = <T>(items: readonly T[], n: number) =>
    Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
  const half = Math.floor(count / 2);
  return [
    ...spread(loadNonDigitDrawings(HELD_OUT_NON_DIGITS_FILE, null), half),
    ...spread(loadNonDigitDrawings(UNIPEN_LETTERS_FILE, 'held-out'), count - half),
  ];
}

/**
 * Draws each with the mouse on the built app, placed as a person draws one digit, and reads
 * the number the page shows: a drawing ends right when no digit is shown.
 */
export async function replayNonDigits(
  browser: Browser,
  url: string,
  count: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<NonDigitReplayResult> {
  const started = performance.now();
  const drawings = heldOutNonDigitSample(count);
  const { context, app, backend } = await openApp(browser, url);
  try {
    const { side } = await app.padBox();
    const shownDigits: string[] = [];
    let none = 0;
    let multiNone = 0;
    for (const [i, drawing] of drawings.entries()) {
      await app.drawWithMouse(placeOnPad(drawing, side, i), 'coalesced');
      const value = await app.numberValue();
      const noDigit = !/[0-9]/.test(value);
      none += Number(noDigit);
      if (drawing.strokes.length > 1) multiNone += Number(noDigit);
      if (!noDigit) shownDigits.push(`${drawing.symbol ?? drawing.kind ?? '?'} as ${value}`);
      await app.clear();
      onProgress(i + 1, drawings.length);
    }
    const multiStroke = drawings.filter((d) => d.strokes.length > 1).length;
    return {
      backend,
      drawings: drawings.length,
      multiStroke,
      noDigitShown: none / drawings.length,
      multiStrokeNoDigitShown: multiStroke ? multiNone / multiStroke : 0,
      shownDigits,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await context.close();
  }
}
