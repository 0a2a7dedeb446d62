import type { ForwardModel } from '../src/model/forwardModel';
import { forwardFeatures } from './forwardFeatures';
import { Random } from './random';
import {
  digitLogits,
  simulateWriters,
  type SeenDigit,
  type SimulationOptions,
} from './adaptSimulation';
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
  const run = await forwardFeatures(model, images, labels.length);
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

export function formatAdaptation(path: string, writers: string, r: AdaptationReport): string {
  const points = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)} points`;
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
