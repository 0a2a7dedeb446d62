// Fits the join model of src/number/segmentation.ts: numbers composed from the training
// writers' digits (never the held-out writers'), read by the shipped model as the page reads
// them, and a logistic regression over each possible join's features. Writes
// src/number/joinModel.json. Run after a new model ships:
//   npx tsx training/fitJoins.ts [--rounds 4] [--seed 5]
// Each round composes the training writers' digits into numbers afresh (another seed).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeNumbers, type ComposedNumber } from '../e2e/support/numbers';
import {
  apartFeatures,
  chooseSegments,
  JOIN_FEATURES,
  joinFeatures,
  type JoinModel,
  type JoinModels,
  type ReadingPlan,
} from '../src/number/segmentation';
import { loadModelFile } from './loadModelFile';
import { readNumbers, type ReadNumber } from './readNumbers';
import { heldOutDigits, loadStrokeDigits, splitByWriter } from './strokeDigits';

const OUTPUT = new URL('../src/number/joinModel.json', import.meta.url);

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
  numbers: readonly ComposedNumber[],
  read: readonly { plan: ReadingPlan; readings: Parameters<typeof joinFeatures>[2] }[],
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
 * Log-odds thresholds tried, for joins and merges alike; the pair with the fewest errors on the
 * training writers wins.
 */
const THRESHOLDS = [-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];

/**
 * How often a threshold gets the count of digits wrong: in numbers, and in single digits
 * (split in two). Both count: a misread number and a misread lone digit cost the same.
 */
export function splitErrors(
  model: JoinModels,
  numbers: readonly { digits: readonly unknown[] }[],
  readNumbers: readonly ReadNumber[],
  readSingles: readonly ReadNumber[],
): { numbers: number; singles: number } {
  const wrong = (read: ReadNumber, count: number) =>
    chooseSegments(read.plan, read.readings, model).length !== count;
  return {
    numbers:
      numbers.filter((n, i) => wrong(readNumbers[i]!, n.digits.length)).length / numbers.length,
    singles: readSingles.filter((r) => wrong(r, 1)).length / readSingles.length,
  };
}

/** Logistic regression on standardised features, by full-batch gradient descent with L2. */
export function fitLogistic(
  features: readonly number[][],
  labels: readonly number[],
  { steps = 4000, rate = 1, l2 = 0.01 } = {},
): Omit<JoinModel, 'threshold'> {
  const d = features[0]!.length;
  const n = features.length;
  const mean = Array.from({ length: d }, (_, j) => features.reduce((s, f) => s + f[j]!, 0) / n);
  const scale = mean.map((m, j) => {
    const v = features.reduce((s, f) => s + (f[j]! - m) ** 2, 0) / n;
    return Math.sqrt(v) || 1;
  });
  const z = features.map((f) => f.map((x, j) => (x - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    z.forEach((row, i) => {
      const p = 1 / (1 + Math.exp(-(bias + row.reduce((s, x, j) => s + x * weights[j]!, 0))));
      const err = p - labels[i]!;
      row.forEach((x, j) => (grad[j]! += (err * x) / n));
      gradBias += err / n;
    });
    weights.forEach((w, j) => (weights[j] = w - rate * (grad[j]! + l2 * w)));
    bias -= rate * gradBias;
  }
  return { mean, scale, weights, bias };
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '4' },
      seed: { type: 'string', default: '5' },
    },
  });
  await tf.setBackend('wasm');
  const { model, metadata } = await loadModelFile('public/model/model.json');
  const { train } = splitByWriter(loadStrokeDigits());
  const seed = Number(values.seed);
  const numbers = Array.from({ length: Number(values.rounds) }, (_, r) =>
    composeNumbers(train, train.length, seed + r),
  ).flat();
  const read = await readNumbers(model, metadata, numbers);
  const singles = await readNumbers(model, metadata, train);
  const examples = joinExamples(numbers, read);
  const fitted = {
    join: fitLogistic(examples.join.features, examples.join.labels),
    merge: fitLogistic(examples.merge.features, examples.merge.labels),
  };
  let best = { join: 0, merge: 0, errors: Infinity };
  for (const join of THRESHOLDS) {
    for (const merge of THRESHOLDS) {
      const errors = splitErrors(
        { join: { ...fitted.join, threshold: join }, merge: { ...fitted.merge, threshold: merge } },
        numbers,
        read,
        singles,
      );
      if (errors.numbers + errors.singles < best.errors) {
        best = { join, merge, errors: errors.numbers + errors.singles };
        console.log(
          `thresholds join ${join}, merge ${merge}: wrong digit count in ${pct(errors.numbers)} of numbers, ${pct(errors.singles)} of single digits`,
        );
      }
    }
  }
  const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)));
  const rounded = (m: Omit<JoinModel, 'threshold'>, threshold: number): JoinModel => ({
    mean: round(m.mean),
    scale: round(m.scale),
    weights: round(m.weights),
    bias: Number(m.bias.toPrecision(6)),
    threshold,
  });
  const count = (e: { labels: number[] }) =>
    `${e.labels.length} (${e.labels.filter(Boolean).length} one digit)`;
  const json: JoinModels & { features: string[]; fittedOn: string } = {
    features: JOIN_FEATURES,
    fittedOn: `${numbers.length} numbers composed from the training writers' digits (seeds ${seed} to ${seed + Number(values.rounds) - 1}): possible joins ${count(examples.join)}, merges ${count(examples.merge)}`,
    join: rounded(fitted.join, best.join),
    merge: rounded(fitted.merge, best.merge),
  };
  // Formatted as `npm run lint` expects.
  const options = (await prettier.resolveConfig(fileURLToPath(OUTPUT))) ?? {};
  writeFileSync(
    OUTPUT,
    await prettier.format(JSON.stringify(json), { ...options, parser: 'json' }),
  );
  console.log(
    `wrote ${OUTPUT.pathname}: ${json.fittedOn}; thresholds join ${best.join}, merge ${best.merge}`,
  );

  // Reported, never fitted on: the held-out writers' digits, composed the same way.
  const heldOut = heldOutDigits();
  const heldOutNumbers = composeNumbers(heldOut, heldOut.length, seed);
  const errors = splitErrors(
    json,
    heldOutNumbers,
    await readNumbers(model, metadata, heldOutNumbers),
    await readNumbers(model, metadata, heldOut),
  );
  console.log(
    `held-out writers (not fitted on): wrong digit count in ${pct(errors.numbers)} of ${heldOutNumbers.length} numbers, ${pct(errors.singles)} of ${heldOut.length} single digits`,
  );
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

if (import.meta.url === `file://${process.argv[1]}`) await main();
