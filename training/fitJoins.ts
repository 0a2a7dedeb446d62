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
  chooseSegments,
  JOIN_FEATURES,
  joinFeatures,
  type JoinModel,
  type ReadingPlan,
} from '../src/number/segmentation';
import { loadModelFile } from './loadModelFile';
import { readNumbers, type ReadNumber } from './readNumbers';
import { heldOutDigits, loadStrokeDigits, splitByWriter } from './strokeDigits';

const OUTPUT = new URL('../src/number/joinModel.json', import.meta.url);

/** Each possible join of each number: its features and whether it really is one digit. */
export function joinExamples(
  numbers: readonly ComposedNumber[],
  read: readonly { plan: ReadingPlan; readings: Parameters<typeof joinFeatures>[2] }[],
): { features: number[][]; labels: number[] } {
  const features: number[][] = [];
  const labels: number[] = [];
  numbers.forEach((number, n) => {
    const { plan, readings } = read[n]!;
    const truth = new Set(number.groups.map((g) => [...g].sort((a, b) => a - b).join(',')));
    plan.joins.forEach((join, k) => {
      features.push(joinFeatures(plan, k, readings));
      labels.push(truth.has(join.group.strokes.join(',')) ? 1 : 0);
    });
  });
  return { features, labels };
}

/** Log-odds thresholds tried; the one with the fewest errors on the training writers wins. */
const THRESHOLDS = [-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1];

/**
 * How often a threshold gets the count of digits wrong: in numbers, and in single digits
 * (split in two). Both count: a misread number and a misread lone digit cost the same.
 */
export function splitErrors(
  model: JoinModel,
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
  const { features, labels } = joinExamples(numbers, read);
  const fitted = fitLogistic(features, labels);
  let best = { threshold: 0, errors: Infinity };
  for (const threshold of THRESHOLDS) {
    const errors = splitErrors({ ...fitted, threshold }, numbers, read, singles);
    console.log(
      `threshold ${threshold}: wrong digit count in ${(errors.numbers * 100).toFixed(2)}% of numbers, ${(errors.singles * 100).toFixed(2)}% of single digits`,
    );
    if (errors.numbers + errors.singles < best.errors) {
      best = { threshold, errors: errors.numbers + errors.singles };
    }
  }
  const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(6)));
  const json: JoinModel & { features: string[]; fittedOn: string } = {
    features: JOIN_FEATURES,
    fittedOn: `${numbers.length} numbers composed from the training writers' digits (seeds ${seed} to ${seed + Number(values.rounds) - 1}), ${labels.length} possible joins, ${labels.filter(Boolean).length} real`,
    mean: round(fitted.mean),
    scale: round(fitted.scale),
    weights: round(fitted.weights),
    bias: Number(fitted.bias.toPrecision(6)),
    threshold: best.threshold,
  };
  // Formatted as `npm run lint` expects.
  const options = (await prettier.resolveConfig(fileURLToPath(OUTPUT))) ?? {};
  writeFileSync(
    OUTPUT,
    await prettier.format(JSON.stringify(json), { ...options, parser: 'json' }),
  );
  console.log(`wrote ${OUTPUT.pathname}: ${json.fittedOn}; threshold ${best.threshold}`);

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
    `held-out writers (not fitted on): wrong digit count in ${(errors.numbers * 100).toFixed(2)}% of ${heldOutNumbers.length} numbers, ${(errors.singles * 100).toFixed(2)}% of ${heldOut.length} single digits`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
