import {
  apartFeatures,
  chooseSegments,
  JOIN_FEATURES,
  joinFeatures,
  type CandidateReading,
  type JoinModel,
  type JoinModels,
  type ReadingPlan,
} from '../src/number/segmentation';
import type { ComposedNumber } from './composeNumbers';
import type { LogisticModel } from './fitLogistic';

// The pure steps of fitting the join model (training/fitJoins.ts runs them on the model's
// readings): examples from composed numbers, the threshold search, and the file the page reads.

/** A number's plan as the page plans it and the model's reading of each candidate. */
export interface PlannedReading {
  plan: ReadingPlan;
  readings: readonly CandidateReading[];
}

/** Features and whether the pieces really are one digit, for the joins and for the merges. */
export interface JoinExamples {
  join: { features: number[][]; labels: number[] };
  merge: { features: number[][]; labels: number[] };
}

/**
 * Each possible join and each geometric merge of each number: its features and whether it
 * really is one digit.
 */
export function joinExamples(
  numbers: readonly Pick<ComposedNumber, 'groups'>[],
  read: readonly PlannedReading[],
): JoinExamples {
  const examples: JoinExamples = {
    join: { features: [], labels: [] },
    merge: { features: [], labels: [] },
  };
  numbers.forEach((number, n) => {
    const { plan, readings } = read[n]!;
    const truth = new Set(number.groups.map((g) => [...g].sort((a, b) => a - b).join(',')));
    const isDigit = (strokes: number[]) => (truth.has(strokes.join(',')) ? 1 : 0);
    plan.joins.forEach((join, k) => {
      examples.join.features.push(joinFeatures(plan, k, readings));
      examples.join.labels.push(isDigit(join.group.strokes));
    });
    plan.aparts.forEach((apart, k) => {
      examples.merge.features.push(apartFeatures(plan, k, readings));
      examples.merge.labels.push(isDigit(plan.groups[apart.group]!.strokes));
    });
  });
  return examples;
}

/**
 * How often a model gets the count of digits wrong: in numbers, and in single digits (split in
 * two). Both count: a misread number and a misread lone digit cost the same.
 */
export function splitErrors(
  model: JoinModels,
  numbers: readonly { digits: readonly unknown[] }[],
  readNumbers: readonly PlannedReading[],
  readSingles: readonly PlannedReading[],
): { numbers: number; singles: number } {
  const wrong = (read: PlannedReading, count: number) =>
    chooseSegments(read.plan, read.readings, model).length !== count;
  return {
    numbers:
      numbers.filter((n, i) => wrong(readNumbers[i]!, n.digits.length)).length / numbers.length,
    singles: readSingles.filter((r) => wrong(r, 1)).length / readSingles.length,
  };
}

/**
 * Log-odds thresholds tried, for joins and merges alike; the pair with the fewest errors on the
 * training writers wins.
 */
export const THRESHOLDS = [-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

/**
 * The join and merge thresholds with the fewest split errors (numbers plus singles), the first
 * found on a tie; `onBetter` hears each improvement.
 */
export function bestThresholds(
  fitted: Record<keyof JoinModels, LogisticModel>,
  errorsOf: (model: JoinModels) => { numbers: number; singles: number },
  onBetter: (join: number, merge: number, errors: { numbers: number; singles: number }) => void,
): { join: number; merge: number } {
  let best = { join: 0, merge: 0, errors: Infinity };
  for (const join of THRESHOLDS) {
    for (const merge of THRESHOLDS) {
      const errors = errorsOf({
        join: { ...fitted.join, threshold: join },
        merge: { ...fitted.merge, threshold: merge },
      });
      if (errors.numbers + errors.singles < best.errors) {
        best = { join, merge, errors: errors.numbers + errors.singles };
        onBetter(join, merge, errors);
      }
    }
  }
  return { join: best.join, merge: best.merge };
}

/** src/number/joinModel.json: what segmentation.ts reads, with the features named. */
export type JoinModelFile = JoinModels & { features: string[]; fittedOn: string };

/** The file's contents, numbers rounded to 6 significant digits (a readable, stable diff). */
export function joinModelFile(
  fitted: Record<keyof JoinModels, LogisticModel>,
  thresholds: { join: number; merge: number },
  fittedOn: string,
): JoinModelFile {
  const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)));
  const rounded = (m: LogisticModel, threshold: number): JoinModel => ({
    mean: round(m.mean),
    scale: round(m.scale),
    weights: round(m.weights),
    bias: Number(m.bias.toPrecision(6)),
    threshold,
  });
  return {
    features: JOIN_FEATURES,
    fittedOn,
    join: rounded(fitted.join, thresholds.join),
    merge: rounded(fitted.merge, thresholds.merge),
  };
}
