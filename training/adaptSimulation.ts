import { NUM_CLASSES } from '../src/constants';
import { argMax } from '../src/model/softmax';
import { keepNewest, PERSONAL_CAPACITY } from '../src/personal/keepNewest';
import type { PersonalExample } from '../src/personal/personalMemory';
import { adaptVariant, PAGE_VARIANT, variantMemory, type AdaptVariant } from './adaptVariants';

// The page's adaptation replayed over a writer's digits: the same adaptLogits and memory (or a
// variant of the rule, adaptVariants.ts), fed what the page would keep.

/** One digit as the page sees it after the forward pass, with its truth. */
export interface SeenDigit {
  writer: string;
  label: number;
  /** dense_1's ten logits: what the page reads, keeps and compares. */
  logits: ArrayLike<number>;
}

export interface SimulationOptions {
  params: AdaptVariant;
  /** 'corrections': only misreads are kept (the person corrects them); 'all': every digit. */
  keep: 'corrections' | 'all';
  capacity: number;
  /** The model's calibration temperature (the page adapts in calibrated units). */
  temperature: number;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  params: PAGE_VARIANT,
  keep: 'corrections',
  capacity: PERSONAL_CAPACITY,
  temperature: 1,
};

export interface WriterResult {
  writer: string;
  count: number;
  errorsBaseline: number;
  errorsAdapted: number;
  errorsUntaught: number;
  kept: number;
  /** Accuracy change, in points, on the other writers' digits with this writer's store. */
  otherWriterDelta: number;
}

/**
 * A writer's digits in the given order: each read with the examples kept so far, then, if
 * misread, corrected (the truth kept, as the page does); with keep 'all' every digit is kept.
 * `errorsUntaught` counts the network's misreads of a digit none of the kept examples is yet:
 * adaptation only raises digits it has examples of, so no method can fix these, and
 * 1 - errorsUntaught / errorsBaseline is the most any method can reduce the errors by.
 */
export function simulateWriter(
  digits: readonly SeenDigit[],
  options: SimulationOptions,
): {
  errorsBaseline: number;
  errorsAdapted: number;
  errorsUntaught: number;
  kept: PersonalExample[];
} {
  let kept: PersonalExample[] = [];
  let memory = variantMemory([]);
  let errorsBaseline = 0;
  let errorsAdapted = 0;
  let errorsUntaught = 0;
  for (const digit of digits) {
    if (argMax(digit.logits) !== digit.label) {
      errorsBaseline++;
      if (!kept.some((example) => example.label === digit.label)) errorsUntaught++;
    }
    const read = argMax(adaptVariant(digit.logits, memory, options.temperature, options.params));
    if (read !== digit.label) errorsAdapted++;
    if (read !== digit.label || options.keep === 'all') {
      kept = keepNewest(kept, { label: digit.label, logits: digit.logits }, options.capacity);
      memory = variantMemory(kept);
    }
  }
  return { errorsBaseline, errorsAdapted, errorsUntaught, kept };
}

/** Accuracy with the kept examples minus without them, in points. */
export function accuracyDelta(
  digits: readonly SeenDigit[],
  kept: readonly PersonalExample[],
  options: SimulationOptions,
): number {
  if (digits.length === 0 || kept.length === 0) return 0;
  const memory = variantMemory(kept);
  let change = 0;
  for (const d of digits) {
    const base = argMax(d.logits) === d.label ? 1 : 0;
    const adapted =
      argMax(adaptVariant(d.logits, memory, options.temperature, options.params)) === d.label
        ? 1
        : 0;
    change += adapted - base;
  }
  return (100 * change) / digits.length;
}

/**
 * Every writer simulated from the shipped model in `order` (a fixed shuffle per writer), and
 * each writer's final store tried on the other writers' digits.
 */
export function simulateWriters(
  byWriter: ReadonlyMap<string, readonly SeenDigit[]>,
  options: SimulationOptions,
) {
  const writers: WriterResult[] = [];
  for (const [writer, digits] of byWriter) {
    const run = simulateWriter(digits, options);
    const others = [...byWriter].filter(([w]) => w !== writer).flatMap(([, ds]) => ds);
    writers.push({
      writer,
      count: digits.length,
      errorsBaseline: run.errorsBaseline,
      errorsAdapted: run.errorsAdapted,
      errorsUntaught: run.errorsUntaught,
      kept: run.kept.length,
      otherWriterDelta: accuracyDelta(others, run.kept, options),
    });
  }
  const sum = (f: (w: WriterResult) => number) => writers.reduce((n, w) => n + f(w), 0);
  const errorsBaseline = sum((w) => w.errorsBaseline);
  const errorsAdapted = sum((w) => w.errorsAdapted);
  const errorsUntaught = sum((w) => w.errorsUntaught);
  return {
    writers: writers.map((w) => w.writer),
    count: sum((w) => w.count),
    errorsBaseline,
    errorsAdapted,
    reduction: errorsBaseline ? (errorsBaseline - errorsAdapted) / errorsBaseline : 0,
    // Misreads no kept example could have taught, and the reduction that leaves at most.
    errorsUntaught,
    reductionCeiling: errorsBaseline ? (errorsBaseline - errorsUntaught) / errorsBaseline : 0,
    // The mean over writers of the change on everyone else's digits, in points.
    otherWriterDelta: writers.length ? sum((w) => w.otherWriterDelta) / writers.length : 0,
    worstOtherWriterDelta: Math.min(0, ...writers.map((w) => w.otherWriterDelta)),
    perWriter: writers,
  };
}

/** The ten digit logits of example i in a block of outputs `width` wide. */
export function digitLogits(outputs: Float32Array, width: number, i: number): Float32Array {
  return outputs.subarray(i * width, i * width + NUM_CLASSES);
}
