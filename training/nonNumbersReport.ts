// Drawings that are not digits, read as the page reads a drawing (plan, model, choice of
// segments, tiny-mark rule): how many end with no digit shown, as a whole, and how many are split
// into pieces of which some read as digits (an H as "11"). Each drawing is placed on the bench's
// pad as a person draws one digit (padPlacement.ts), so the page's figures follow the same code.
//   npx tsx training/nonNumbersReport.ts [--non-digits FILE] [--writers SET] [--model DIR]
//     [--examples] [--json]
// FILE defaults to data/non-digits/held-out.json; with UNIPEN's letters, --writers picks the
// writers (held-out to measure) and letters a digit resembles are left out (unipen.ts).
import { parseArgs } from 'node:util';
import { BENCH_PAD as PAD } from './benchViewport';
import { modelJsonPath } from './evalOptions';
import { loadModelFile } from './loadModelFile';
import { loadNonDigitDrawings, type NonDigitDrawing } from './nonDigitDrawings';
import { HELD_OUT_NON_DIGITS_FILE } from './nonDigits';
import { shownValue, SHIPPED_MODEL, toPadUnits } from './numbersReport';
import { placeOnPad } from './padPlacement';
import { readNumbers } from './readNumbers';
import { startWasmBackend } from './wasmBackend';

export interface NonNumbersReport {
  drawings: number;
  /** Share that end with no digit shown: every piece "?" (most often one piece). */
  noDigitShown: number;
  /** Share read as one piece that is a digit. */
  readAsOneDigit: number;
  /** Share split into two or more pieces of which at least one shows a digit. */
  splitIntoDigits: number;
  /** Of the drawings of several strokes: the share with no digit shown. */
  multiStrokeNoDigitShown: number;
  multiStroke: number;
}

/** Reads every drawing on the bench's pad; the figures, and the value shown for each. */
export async function reportNonNumbers(
  drawings: readonly NonDigitDrawing[],
  modelPath: string = SHIPPED_MODEL,
): Promise<NonNumbersReport & { shown: string[] }> {
  await startWasmBackend();
  const { model, metadata } = await loadModelFile(modelPath);
  const placed = drawings.map((d, i) => ({ strokes: toPadUnits(placeOnPad(d, PAD.height, i)) }));
  const read = await readNumbers(model, metadata, placed);
  const shown = read.map((r, i) => shownValue(r, placed[i]!.strokes).value);
  const hasDigit = (value: string[]) => value.some((v) => v !== '?');
  const multi = drawings.map((d) => d.strokes.length > 1);
  const share = (n: number, of: number) => (of ? n / of : 0);
  const count = (test: (value: string[], i: number) => boolean) => shown.filter(test).length;
  return {
    drawings: drawings.length,
    noDigitShown: share(
      count((v) => !hasDigit(v)),
      shown.length,
    ),
    readAsOneDigit: share(
      count((v) => v.length === 1 && hasDigit(v)),
      shown.length,
    ),
    splitIntoDigits: share(
      count((v) => v.length > 1 && hasDigit(v)),
      shown.length,
    ),
    multiStroke: multi.filter(Boolean).length,
    multiStrokeNoDigitShown: share(
      count((v, i) => multi[i]! && !hasDigit(v)),
      multi.filter(Boolean).length,
    ),
    shown: shown.map((v) => v.join('')),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      'non-digits': { type: 'string', default: HELD_OUT_NON_DIGITS_FILE },
      writers: { type: 'string' },
      model: { type: 'string', default: SHIPPED_MODEL },
      examples: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const drawings = loadNonDigitDrawings(values['non-digits'], values.writers ?? null);
  const { shown, ...report } = await reportNonNumbers(drawings, modelJsonPath(values.model));
  if (values.examples) {
    shown.forEach((value, i) => {
      const d = drawings[i]!;
      if (/[0-9]/.test(value)) console.log(`${d.symbol ?? d.kind ?? '?'} read as ${value}`);
    });
  }
  if (values.json) return console.log(JSON.stringify(report));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(
    `${report.drawings} drawings of ${values['non-digits']}${values.writers ? ` (writers: ${values.writers})` : ''}: ` +
      `no digit shown ${pct(report.noDigitShown)} (of the ${report.multiStroke} of several strokes ` +
      `${pct(report.multiStrokeNoDigitShown)}); read as one digit ${pct(report.readAsOneDigit)}; ` +
      `split into pieces read as digits ${pct(report.splitIntoDigits)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
