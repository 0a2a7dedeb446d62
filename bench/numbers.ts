import type { Browser } from '@playwright/test';
import { composeNumbers, type ComposedNumber } from '../training/composeNumbers';
import { fitOnPad, placeOnPad } from '../training/padPlacement';
import { heldOutDigits } from '../training/strokeDigits';
import { openApp } from './setup';
import { summarise, type Summary } from './stats';

export interface NumbersResult {
  backend: string;
  numbers: number;
  digits: number;
  /** Numbers read exactly (every digit, no "?"). */
  wholeRight: number;
  /** Numbers whose strokes were split into the wrong number of digits. */
  wrongSplit: number;
  /** The same digits drawn one at a time: the share read right. */
  singleAccuracy: number;
  /** Numbers all of whose digits were read right one at a time (the product, as measured). */
  allDigitsRightSingly: number;
  /**
   * One standard error of allDigitsRightSingly - wholeRight (paired: only numbers where the two
   * disagree carry it). With 100 numbers one number is one point; training/numbersReport.ts
   * measures thousands in Node.
   */
  shortfallError: number;
  /** Pen-up -> answer (ms, measured in the page) for the last stroke, by number length. */
  answerMs: Record<number, Summary>;
  /** Single digits' pen-up -> answer (ms). */
  singleAnswerMs: Summary;
  mistakes: string[];
  seconds: number;
}

/** The bench's numbers; the Node reading (bench.ts) starts from the same ones. */
export const NUMBERS_SEED = 2027;

/**
 * Numbers composed from the held-out writers' digits (2 to 8 digits, one writer each; see
 * training/composeNumbers.ts), written with the mouse through the built app, then the same digits
 * one at a time. Reports whole-number accuracy, wrong splits and merges, and pen-up -> answer.
 */
export async function replayNumbers(
  browser: Browser,
  url: string,
  count: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<NumbersResult> {
  const started = performance.now();
  const numbers = composeNumbers(heldOutDigits(), count, NUMBERS_SEED);
  const { context, app, backend } = await openApp(browser, url);
  try {
    await app.timings.timePenUpToAnswer();
    const { width, height } = await app.padSize();
    const { side } = await app.padBox();
    const byLength = new Map<number, number[]>();
    const singleMs: number[] = [];
    const mistakes: string[] = [];
    let wholeRight = 0;
    let wrongSplit = 0;
    let singlesRight = 0;
    let allDigitsRightSingly = 0;
    let disagree = 0;
    for (const [i, number] of numbers.entries()) {
      await app.drawWithMouse(fitOnPad(number.strokes, width, height), 'coalesced');
      const value = await app.numberValue();
      const groups = await app.numberCount();
      byLength.set(number.digits.length, [
        ...(byLength.get(number.digits.length) ?? []),
        await app.timings.lastPenUpToAnswer(),
      ]);
      if (groups !== number.digits.length) wrongSplit++;
      if (value === number.value) wholeRight++;
      else mistakes.push(`${describe(number)} read as ${value}`);
      await app.clear();

      let allRight = true;
      for (const [k, digit] of number.digits.entries()) {
        await app.drawWithMouse(placeOnPad(digit, side, i * 8 + k), 'coalesced');
        const read = await app.numberValue();
        singleMs.push(await app.timings.lastPenUpToAnswer());
        if (read === String(digit.label)) singlesRight++;
        else allRight = false;
        await app.clear();
      }
      if (allRight) allDigitsRightSingly++;
      if (allRight !== (value === number.value)) disagree++;
      onProgress(i + 1, numbers.length);
    }
    const digits = numbers.reduce((n, number) => n + number.digits.length, 0);
    return {
      backend,
      numbers: numbers.length,
      digits,
      wholeRight: wholeRight / numbers.length,
      wrongSplit: wrongSplit / numbers.length,
      singleAccuracy: singlesRight / digits,
      allDigitsRightSingly: allDigitsRightSingly / numbers.length,
      shortfallError: Math.sqrt(disagree) / numbers.length,
      answerMs: Object.fromEntries(
        [...byLength.entries()].sort(([a], [b]) => a - b).map(([n, ms]) => [n, summarise(ms)]),
      ),
      singleAnswerMs: summarise(singleMs),
      mistakes,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await context.close();
  }
}

function describe(number: ComposedNumber): string {
  return `${number.value} (${number.writer}, #${number.digits.map((d) => d.index).join(',')})`;
}
