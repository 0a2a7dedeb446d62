import type { ForwardModel } from '../src/model/forwardModel';
import { forwardOutputs } from './forwardOutputs';
import { Random } from './random';
import {
  digitLogits,
  simulateWriters,
  type SeenDigit,
  type SimulationOptions,
} from './adaptSimulation';
import { ADAPT_METHODS, type AdaptVariant } from './adaptVariants';
import { renderDigits, type StrokeDigit } from './strokeDigits';

/** Each writer's digits are replayed in one fixed shuffle, the same on every run. */
const ORDER_SEED = 13;

export type AdaptationReport = ReturnType<typeof simulateWriters> & {
  keep: SimulationOptions['keep'];
  params: SimulationOptions['params'];
};

/** The personal adaptation replayed over stroke digits, logits from the app's forward pass. */
export async function adaptationReport(
  model: ForwardModel,
  digits: readonly StrokeDigit[],
  options: SimulationOptions,
): Promise<AdaptationReport> {
  const { images, labels } = renderDigits(digits);
  const run = await forwardOutputs(model, images, labels.length);
  const byWriter = new Map<string, SeenDigit[]>();
  digits.forEach((digit, i) => {
    const seen = byWriter.get(digit.writer) ?? [];
    seen.push({
      writer: digit.writer,
      label: digit.label,
      logits: digitLogits(run.outputs, run.outputSize, i),
    });
    byWriter.set(digit.writer, seen);
  });
  for (const seen of byWriter.values()) new Random(ORDER_SEED).shuffle(seen);
  return { ...simulateWriters(byWriter, options), keep: options.keep, params: options.params };
}

export function parseKeep(value: string): SimulationOptions['keep'] {
  if (value !== 'corrections' && value !== 'all') {
    throw new Error(`--keep ${value}: expected corrections or all`);
  }
  return value;
}

/** The adaptation flags as they come from the command line (--method, --k, ...). */
export interface VariantFlags {
  method: string;
  k: string;
  threshold: string;
  weight: string;
  margin: string;
  pair: boolean;
}

/** The rule the flags describe; a value that names no rule fails with the valid ones. */
export function parseVariant(flags: VariantFlags): AdaptVariant {
  const method = ADAPT_METHODS.find((m) => m === flags.method);
  if (!method) throw new Error(`--method ${flags.method}: expected ${ADAPT_METHODS.join(' or ')}`);
  return {
    method,
    k: parseNumber('k', flags.k, 'a whole number from 1', (x) => Number.isInteger(x) && x > 0),
    threshold: parseNumber('threshold', flags.threshold, 'a similarity below 1', (x) => x < 1),
    weight: parseNumber('weight', flags.weight, 'a number'),
    ...(flags.margin === 'none'
      ? {}
      : { margin: parseNumber('margin', flags.margin, 'a number or none') }),
    pair: flags.pair,
  };
}

/** A finite number (passing `valid`), or an error naming the flag and what it takes. */
function parseNumber(
  flag: string,
  value: string,
  expected: string,
  valid: (x: number) => boolean = () => true,
): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !valid(x)) {
    throw new Error(`--${flag} ${value}: expected ${expected}`);
  }
  return x;
}

/** A change in accuracy points, signed and to three places: "+0.012", "-0.400". */
export function signedPoints(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
}

export function formatAdaptation(path: string, writers: string, r: AdaptationReport): string {
  const points = (x: number) => `${signedPoints(x)} points`;
  const rows = r.perWriter.map(
    (w) =>
      `  ${w.writer.padEnd(7)} ${String(w.count).padStart(4)} digits: errors ${w.errorsBaseline} -> ${w.errorsAdapted}` +
      ` (${w.kept} kept, ${w.errorsUntaught} untaught); other writers ${points(w.otherWriterDelta)}`,
  );
  return [
    `${path} (writers: ${writers}), keeping ${r.keep}, ${JSON.stringify(r.params)}`,
    `errors ${r.errorsBaseline} -> ${r.errorsAdapted} of ${r.count} digits: ` +
      `${(r.reduction * 100).toFixed(1)}% fewer`,
    `${r.errorsUntaught} of the ${r.errorsBaseline} misread a digit the writer had not yet ` +
      `corrected: at most ${(r.reductionCeiling * 100).toFixed(1)}% fewer for any adaptation`,
    `other writers' digits with one writer's store: ${points(r.otherWriterDelta)} mean, ` +
      `${points(r.worstOtherWriterDelta)} worst`,
    ...rows,
  ].join('\n');
}
