// The numbers benchmark (bench/numbers.ts) in Node, in seconds instead of minutes, so it can
// run on thousands of numbers: with 100, one number is one point, and the shortfall the issue
// bounds (whole-number accuracy vs the product of per-digit accuracies) is mostly noise.
// Numbers are composed and placed on the pad exactly as the bench does (composeNumbers.ts,
// padPlacement.ts, the bench's pad size), read with the page's plan, model, choice of segments
// and tiny-mark rule; on the bench's 100 numbers it gives the browser's figures and mistakes
// exactly.
//   npx tsx training/numbersReport.ts [--writers held-out|validation|training|...] [--count 1000]
//     [--seed 2027] [--model DIR] [--mistakes] [--json]   (reportNumbers: the same, for the bench)
// Tune on the validation or training writers; the held-out writers are for the measurement.
import { parseArgs } from 'node:util';
import { digitText, shownDigits } from '../src/number/readNumber';
import { planCandidates } from '../src/number/segmentation';
import { isTinyMark } from '../src/number/tinyMark';
import type { Stroke } from '../src/strokes';
import { BENCH_PAD as PAD } from './benchViewport';
import { composeNumbers, type ComposedNumber } from './composeNumbers';
import { modelJsonPath } from './evalOptions';
import { loadModelFile } from './loadModelFile';
import { fitOnPad, placeOnPad } from './padPlacement';
import { readNumbers, type ReadNumber } from './readNumbers';
import { loadStrokeDigits } from './strokeDigits';
import { startWasmBackend } from './wasmBackend';
import { selectWriters, writerSet, type WriterSet } from './writers';

/**
 * The number as the page shows it (each digit read, "?" for none or a dot) and the strokes of
 * each digit read ("1,3").
 */
export function shownValue({ plan, readings }: ReadNumber, strokes: readonly Stroke[]) {
  const tiny = planCandidates(plan).map((c) => isTinyMark(c.strokes.map((s) => strokes[s]!)));
  const shown = shownDigits(plan, readings, tiny);
  return {
    value: shown.map((d) => digitText(d.reading)),
    groups: shown.map((d) => d.strokes.join(',')),
  };
}

/** The figures `--json` prints (fractions of numbers or digits). */
export interface NumbersReport {
  writers: string;
  numbers: number;
  digits: number;
  wholeRight: number;
  allDigitsRightSingly: number;
  singleAccuracy: number;
  wrongSplit: number;
  /** Product minus whole-number accuracy, and its standard error (paired). */
  shortfall: number;
  standardError: number;
  lostToGrouping: number;
  lostInContext: number;
  gained: number;
}

export const SHIPPED_MODEL = 'public/model/model.json';

/** Pad pixels -> pad units (the pad's height is 1), as the page stores strokes. */
export const toPadUnits = (strokes: readonly Stroke[]) =>
  strokes.map((s) => s.map(([x, y]) => [x / PAD.height, y / PAD.height] as const));

/**
 * `count` numbers composed from the chosen writers' digits (seeds from `seed`), read as the
 * bench reads them in the browser: the figures, and a line per number read wrong.
 */
export async function reportNumbers({
  writers,
  count,
  seed,
  model = SHIPPED_MODEL,
}: {
  /** Which writers' digits the numbers are composed from. */
  writers: WriterSet;
  count: number;
  seed: number;
  /** model.json to read with; the shipped one by default. */
  model?: string;
}): Promise<NumbersReport & { mistakes: string[] }> {
  const digits = selectWriters(loadStrokeDigits(), writers);
  // One seed uses each writer's digits once; further seeds compose them afresh.
  const numbers: ComposedNumber[] = [];
  for (let s = seed; numbers.length < count; s++) {
    numbers.push(...composeNumbers(digits, count - numbers.length, s));
  }
  return { writers, ...tallyNumbers(numbers, await readOnPad(numbers, model)) };
}

/** One number as the page read it, and its digits each read alone. */
interface NumberRead {
  read: string[];
  /** The strokes of each digit read ("1,3"). */
  groups: string[];
  alone: string[];
}

/** Each number written on the bench's pad and read, and each of its digits alone. */
async function readOnPad(
  numbers: readonly ComposedNumber[],
  modelPath: string,
): Promise<NumberRead[]> {
  await startWasmBackend();
  const { model, metadata } = await loadModelFile(modelPath);
  const drawn = numbers.map((n) => ({
    strokes: toPadUnits(fitOnPad(n.strokes, PAD.width, PAD.height)),
  }));
  // The bench's single digits: each digit alone on the pad, placed as it places them.
  const singles = numbers.flatMap((n, i) =>
    n.digits.map((d, k) => ({ strokes: toPadUnits(placeOnPad(d, PAD.height, i * 8 + k)) })),
  );
  const [readN, readS] = [
    await readNumbers(model, metadata, drawn),
    await readNumbers(model, metadata, singles),
  ];
  let at = 0;
  return numbers.map((n, i) => {
    const { value: read, groups } = shownValue(readN[i]!, drawn[i]!.strokes);
    const alone = n.digits.map(() => shownValue(readS[at]!, singles[at++]!.strokes).value.join(''));
    return { read, groups, alone };
  });
}

/** The figures and the mistakes, from each number's reading. */
function tallyNumbers(
  numbers: readonly ComposedNumber[],
  reads: readonly NumberRead[],
): Omit<NumbersReport, 'writers'> & { mistakes: string[] } {
  const tally = { right: 0, allAlone: 0, digits: 0, digitsAlone: 0, count: 0 };
  // The shortfall is the numbers wrong though every digit reads right alone, less those right
  // though a digit reads wrong alone: by cause.
  const lost = { grouping: 0, digitInContext: 0 };
  let gained = 0;
  const mistakes: string[] = [];
  for (const [i, n] of numbers.entries()) {
    const { read, groups, alone } = reads[i]!;
    const truth = new Set(n.groups.map((g) => [...g].sort((a, b) => a - b).join(',')));
    const groupedWrong = groups.some((g) => !truth.has(g));
    const aloneRight = alone.filter((v, k) => v === String(n.digits[k]!.label)).length;
    const right = read.join('') === n.value;
    const allAlone = aloneRight === n.digits.length;
    const countWrong = read.length !== n.digits.length;
    tally.right += Number(right);
    tally.allAlone += Number(allAlone);
    tally.digits += n.digits.length;
    tally.digitsAlone += aloneRight;
    tally.count += Number(countWrong);
    if (allAlone && !right) lost[groupedWrong ? 'grouping' : 'digitInContext']++;
    if (right && !allAlone) gained++;
    if (!right) {
      const what = countWrong
        ? 'split/merge'
        : groupedWrong
          ? 'grouping'
          : allAlone
            ? 'in context'
            : 'alone too';
      mistakes.push(
        `${what}: ${n.value} (${n.writer}, #${n.digits.map((d) => d.index).join(',')}) read as ${read.join('')}; alone ${alone.join(' ')}`,
      );
    }
  }
  const N = numbers.length;
  const shortfall = lost.grouping + lost.digitInContext - gained;
  // Paired: only the numbers where the two measures disagree carry the difference.
  const standardError = Math.sqrt(lost.grouping + lost.digitInContext + gained);
  return {
    numbers: N,
    digits: tally.digits,
    wholeRight: tally.right / N,
    allDigitsRightSingly: tally.allAlone / N,
    singleAccuracy: tally.digitsAlone / tally.digits,
    wrongSplit: tally.count / N,
    shortfall: shortfall / N,
    standardError: standardError / N,
    lostToGrouping: lost.grouping,
    lostInContext: lost.digitInContext,
    gained,
    mistakes,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      writers: { type: 'string', default: 'held-out' },
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '2027' },
      mistakes: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      model: { type: 'string', default: SHIPPED_MODEL },
    },
  });
  const { mistakes, ...report } = await reportNumbers({
    writers: writerSet(values.writers),
    count: Number(values.count),
    seed: Number(values.seed),
    model: modelJsonPath(values.model),
  });
  if (values.mistakes) mistakes.forEach((line) => console.log(line));
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
  console.log(
    `${report.numbers} numbers (${report.digits} digits) of the ${report.writers} writers, seeds from ${values.seed}:\n` +
      `  whole number right ${pct(report.wholeRight)}; every digit right alone ${pct(report.allDigitsRightSingly)} ` +
      `(single digits ${pct(report.singleAccuracy)})\n` +
      `  shortfall ${(100 * report.shortfall).toFixed(2)} points (± ${(100 * report.standardError).toFixed(2)}, one standard error): ` +
      `${report.lostToGrouping} numbers lost to their strokes grouped wrong (split, merged, or a stroke ` +
      `given to a neighbour), ${report.lostInContext} to a digit read ` +
      `otherwise in the number, ${report.gained} right though a digit reads wrong alone\n` +
      `  wrong split or merge ${pct(report.wrongSplit)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
