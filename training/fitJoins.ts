// Fits the join model of src/number/segmentation.ts: numbers composed from the training
// writers' digits (never the held-out writers'), read by the shipped model as the page reads
// them, and a logistic regression over each possible join's features. Writes
// src/number/joinModel.json. Run after a new model ships:
//   npx tsx training/fitJoins.ts [--rounds 4] [--seed 5]
// Each round composes the training writers' digits into numbers afresh (another seed). The
// steps themselves are pure and tested: joinFitting.ts, fitLogistic.ts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { JoinModels } from '../src/number/segmentation';
import { composeNumbers } from './composeNumbers';
import { fitLogistic } from './fitLogistic';
import {
  bestThresholds,
  joinExamples,
  joinModelFile,
  splitErrors,
  type JoinModelFile,
} from './joinFitting';
import { loadModelFile } from './loadModelFile';
import { readNumbers } from './readNumbers';
import { heldOutDigits, loadStrokeDigits } from './strokeDigits';
import { selectWriters } from './writers';

const OUTPUT = new URL('../src/number/joinModel.json', import.meta.url);

type LoadedModel = Awaited<ReturnType<typeof loadModelFile>>;

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '4' },
      seed: { type: 'string', default: '5' },
    },
  });
  await tf.setBackend('wasm');
  const loaded = await loadModelFile('public/model/model.json');
  const seed = Number(values.seed);
  const json = await fitJoinModel(loaded, Number(values.rounds), seed);
  // Formatted as `npm run lint` expects.
  const options = (await prettier.resolveConfig(fileURLToPath(OUTPUT))) ?? {};
  writeFileSync(
    OUTPUT,
    await prettier.format(JSON.stringify(json), { ...options, parser: 'json' }),
  );
  console.log(
    `wrote ${OUTPUT.pathname}: ${json.fittedOn}; thresholds join ${json.join.threshold}, merge ${json.merge.threshold}`,
  );
  await reportHeldOut(loaded, json, seed);
}

/** The join model fitted on `rounds` rounds of numbers from every writer but the held-out. */
async function fitJoinModel(
  { model, metadata }: LoadedModel,
  rounds: number,
  seed: number,
): Promise<JoinModelFile> {
  // Every writer but the held-out ones: the validation writers too.
  const train = selectWriters(loadStrokeDigits(), 'not-held-out');
  const numbers = Array.from({ length: rounds }, (_, r) =>
    composeNumbers(train, train.length, seed + r),
  ).flat();
  const read = await readNumbers(model, metadata, numbers);
  const singles = await readNumbers(model, metadata, train);
  const examples = joinExamples(numbers, read);
  const fitted = {
    join: fitLogistic(examples.join.features, examples.join.labels),
    merge: fitLogistic(examples.merge.features, examples.merge.labels),
  };
  const best = bestThresholds(
    fitted,
    (joinModels) => splitErrors(joinModels, numbers, read, singles),
    (join, merge, errors) =>
      console.log(
        `thresholds join ${join}, merge ${merge}: wrong digit count in ${pct(errors.numbers)} of numbers, ${pct(errors.singles)} of single digits`,
      ),
  );
  const count = (e: { labels: number[] }) =>
    `${e.labels.length} (${e.labels.filter(Boolean).length} one digit)`;
  return joinModelFile(
    fitted,
    best,
    `${numbers.length} numbers composed from the training writers' digits (seeds ${seed} to ${seed + rounds - 1}): possible joins ${count(examples.join)}, merges ${count(examples.merge)}`,
  );
}

/** Reported, never fitted on: the held-out writers' digits, composed the same way. */
async function reportHeldOut({ model, metadata }: LoadedModel, json: JoinModels, seed: number) {
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
