// `npm run train`: trains a model into training/runs/<name>/ (or --out DIR); shipping it is
// `npm run ship`. Every option is parsed and checked by trainOptions.ts before any work.
import * as tf from '@tensorflow/tfjs';
import { HELD_OUT_WRITERS } from '../src/constants';
import type { ModelMetadata } from '../src/model/modelFormat';
import { calibrateModel } from './calibrateModel';
import { accuracyReport, formatReport } from './confusion';
import { exportModel, MODEL_JSON } from './exportModel';
import { FlagError } from './flags';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit, splitValidation, subset, VALIDATION_SIZE, type DigitSet } from './mnist';
import { buildModel, foldBatchNorm, servingModel, weightsFromServed } from './model';
import { generateNonDigits } from './nonDigits';
import {
  bytesToFloats,
  classesOf,
  joinSets,
  measureAccuracy,
  predictOutputs,
  type LabelledInputs,
} from './predict';
import { Random } from './random';
import { renderDigits, type StrokeDigit } from './strokeDigits';
import { rateAt, ScheduledAdam, trainEpoch } from './trainEpoch';
import { modelMetadata, trainingRecord } from './trainMetadata';
import { epochSamples, type StrokeSource } from './trainingSamples';
import { parseTrainOptions, USAGE, type TrainOptions } from './trainOptions';
import { verdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';
import { unipenData, writerDigits, type UnipenData, type WriterDigits } from './runDigits';

await main(process.argv.slice(2));

async function main(argv: string[]): Promise<void> {
  const options = parseOrExit(argv);
  if (options === 'help') return console.log(USAGE);
  await startWasmBackend();
  const model = buildModel(
    options.arch,
    options.seed,
    options.nonDigitShare > 0,
    options.batchNorm,
  );
  if (options.init) await loadInitialWeights(model, options.init);
  const teachers = await loadTeachers(options, model);
  const writers = orExit(() => writerDigits(options));
  const unipen = unipenData(options);
  console.log(
    `arch ${options.arch}, ${options.epochs} epochs, seed ${options.seed}, batch ${options.batchSize}; ` +
      `writing ${options.outDir}; ${model.countParams()} parameters`,
  );
  if (options.dryRun)
    return console.log('dry run: options checked, model built; nothing trained or written');

  const split = splitValidation(loadMnistSplit('train'));
  const train = options.limit ? subset(split.train, 0, options.limit) : split.train;
  const { strokeRepeats } = options.samples;
  console.log(
    `MNIST ${train.count} train / ${split.validation.count} validation; strokes of ` +
      `${writers.training.length} digits x ${strokeRepeats} per epoch (validation writers: ` +
      `${options.validationWriters.join(', ') || 'none'}; held out: ${HELD_OUT_WRITERS.join(', ')}); ` +
      `non-digits ${options.nonDigitShare} of an epoch; UNIPEN ${unipen.training.length} digits x ` +
      `${options.unipen.repeats}, ${unipen.validation.length} validation, ${unipen.letters.length} ` +
      `letters (${options.unipen.letterShare} of an epoch)`,
  );
  // The epoch is chosen on MNIST validation and the validation writers' pen digits together:
  // the page reads pen strokes, not scanned digits.
  const validationSet = joinSets(
    { images: bytesToFloats(split.validation.images), labels: split.validation.labels },
    renderDigits([...writers.validation, ...unipen.validation]),
  );
  const started = Date.now();
  const bestEpoch = await fit(model, teachers, { train, writers, unipen, validationSet }, options);
  const record = trainingRecord(options, bestEpoch, Date.now() - started, new Date());
  await exportMeasured(servingModel(foldBatchNorm(model, options.arch)), options, record, {
    validationSet,
    mnistValidation: split.validation,
    heldOut: writers.heldOut,
    unipenHeldOut: unipen.heldOut,
  });
}

function parseOrExit(argv: string[]): ReturnType<typeof parseTrainOptions> {
  return orExit(() => parseTrainOptions(argv, new Date()));
}

/** A bad flag value ends the run with its message and the usage. */
function orExit<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof FlagError) fail(error.message);
    throw error;
  }
}

/**
 * `--init`: each of the model's layers takes the weights of the layer of the same name in the
 * trained model as served (weightsFromServed); a missing layer or a shape that differs ends
 * the run.
 */
async function loadInitialWeights(model: tf.LayersModel, dir: string): Promise<void> {
  const { model: trained } = await loadModelFile(`${dir}/${MODEL_JSON}`);
  const shapes = (ws: tf.Tensor[]) => ws.map((w) => w.shape.join('x')).join(', ');
  for (const layer of model.layers) {
    if (!layer.getWeights().length) continue;
    tf.tidy(() => {
      const weights = weightsFromServed(trained, layer.name);
      if (shapes(weights) !== shapes(layer.getWeights())) {
        fail(
          `--init ${dir}: layer ${layer.name} is [${shapes(layer.getWeights())}] here, ` +
            `[${shapes(weights)}] there (same --arch and --non-digits as that run?)`,
        );
      }
      layer.setWeights(weights);
    });
  }
  trained.dispose();
  console.log(`starting from the weights of ${dir}`);
}

/** The distillation teachers, each with as many outputs as the student. */
async function loadTeachers(options: TrainOptions, model: tf.LayersModel) {
  const { teachers: dirs, share, temperature } = options.distill;
  const teachers = await Promise.all(
    dirs.map(async (dir) => (await loadModelFile(`${dir}/${MODEL_JSON}`)).model),
  );
  const width = (m: tf.LayersModel) => m.outputs.reduce((n, o) => n + o.shape[1]!, 0);
  teachers.forEach((teacher, i) => {
    if (width(teacher) !== width(model)) {
      fail(`teacher ${dirs[i]} has ${width(teacher)} outputs, the student ${width(model)}`);
    }
  });
  if (teachers.length) {
    console.log(`distilling from ${dirs.join(', ')}: ${share} of each target at T ${temperature}`);
  }
  return teachers;
}

/** Trains every epoch and keeps the weights of the best on validation; returns that epoch. */
async function fit(
  model: tf.LayersModel,
  teachers: tf.LayersModel[],
  data: {
    train: DigitSet;
    writers: WriterDigits;
    unipen: UnipenData;
    validationSet: LabelledInputs;
  },
  options: TrainOptions,
): Promise<number> {
  const { train, writers, unipen, validationSet } = data;
  const random = new Random(options.seed);
  const epochDigits =
    train.count +
    writers.training.length * options.samples.strokeRepeats +
    unipen.training.length * options.unipen.repeats;
  const nonDigitCount = Math.round(options.nonDigitShare * epochDigits);
  const letterCount = Math.round(options.unipen.letterShare * epochDigits);
  const moreStrokes: StrokeSource[] = unipen.training.length
    ? [{ digits: unipen.training, repeats: options.unipen.repeats }]
    : [];
  const optimizer = new ScheduledAdam(options.maxRate, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy'] });
  let best = { accuracy: -1, epoch: -1, weights: [] as tf.Tensor[] };
  const started = Date.now();
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    optimizer.setLearningRate(rateAt(epoch, options.epochs, options.maxRate));
    const nonDigits = generateNonDigits(nonDigitCount, random, 'train').map((d) => d.strokes);
    // Real letters after the generated ones: a run without them draws the same numbers.
    for (let i = 0; i < letterCount; i++) {
      nonDigits.push(unipen.letters[random.int(unipen.letters.length)]!);
    }
    const samples = epochSamples(
      train,
      writers.training,
      nonDigits,
      options.samples,
      random,
      moreStrokes,
    );
    await trainEpoch({ model, teachers, samples, mnist: train, random }, options, epoch, started);
    const accuracy = (await measureAccuracy(model, validationSet)).accuracy;
    console.log(`epoch ${epoch + 1}: validation accuracy ${(accuracy * 100).toFixed(2)}%`);
    if (accuracy > best.accuracy) {
      best.weights.forEach((w) => w.dispose());
      best = { accuracy, epoch, weights: model.getWeights().map((w) => w.clone()) };
    }
  }
  model.setWeights(best.weights);
  best.weights.forEach((w) => w.dispose());
  console.log(`keeping epoch ${best.epoch + 1} (best validation accuracy)`);
  return best.epoch;
}

/**
 * Measures and calibrates the files as shipped (quantised), then writes them again with the
 * figures and the calibration inside.
 */
async function exportMeasured(
  served: tf.LayersModel,
  options: TrainOptions,
  record: ModelMetadata['training'],
  sets: {
    validationSet: LabelledInputs;
    mnistValidation: DigitSet;
    heldOut: StrokeDigit[];
    unipenHeldOut: StrokeDigit[];
  },
): Promise<void> {
  const { outDir, validationWriters } = options;
  const blank = { mnistTest: 0, mnistValidation: 0 };
  await exportModel(served, outDir, modelMetadata(served, options, record, blank));
  const { model: shipped } = await loadModelFile(`${outDir}/${MODEL_JSON}`);
  const calibration = await calibrateModel(
    shipped,
    sets.validationSet,
    `MNIST validation (last ${VALIDATION_SIZE} of train) + pen digits of writers ` +
      `${validationWriters.join(', ') || '(none)'}` +
      (options.unipen.repeats ? ' + UNIPEN validation writers (data/unipen/split.json)' : '') +
      ', never trained on',
  );
  console.log(`calibration: ${JSON.stringify(calibration)}`);
  const test = loadMnistSplit('t10k');
  const testReport = await measureAccuracy(shipped, {
    images: bytesToFloats(test.images),
    labels: test.labels,
  });
  const validationReport = await measureAccuracy(shipped, {
    images: bytesToFloats(sets.mnistValidation.images),
    labels: sets.mnistValidation.labels,
  });
  console.log(formatReport('MNIST test (quantised model)', testReport));
  const heldOutWriters = await reportStrokes(
    shipped,
    `held-out writers ${HELD_OUT_WRITERS.join(', ')}`,
    sets.heldOut,
    calibration,
  );
  const unipenHeldOut = sets.unipenHeldOut.length
    ? await reportStrokes(shipped, 'UNIPEN held-out writers', sets.unipenHeldOut, calibration)
    : null;
  const accuracy = {
    ...(unipenHeldOut === null ? {} : { unipenHeldOutWriters: unipenHeldOut }),
    mnistTest: testReport.accuracy,
    mnistValidation: validationReport.accuracy,
    heldOutWriters,
    heldOutWriterIds: [...HELD_OUT_WRITERS],
  };
  const metadata = { ...modelMetadata(served, options, record, accuracy), calibration };
  const sizes = await exportModel(served, outDir, metadata);
  console.log(
    `wrote ${outDir}: model.json ${sizes.modelJsonBytes} B + weights ${sizes.weightBytes} B = ` +
      `${((sizes.modelJsonBytes + sizes.weightBytes) / 1024).toFixed(1)} KiB; ` +
      `to ship it: npm run ship -- ${outDir}`,
  );
}

/** Accuracy and verdicts of a stroke set, printed; returns the accuracy. */
async function reportStrokes(
  model: tf.LayersModel,
  title: string,
  digits: StrokeDigit[],
  calibration: Awaited<ReturnType<typeof calibrateModel>>,
): Promise<number> {
  const set = renderDigits(digits);
  const outputs = await predictOutputs(model, set.images, set.labels.length);
  const report = accuracyReport(classesOf(outputs), set.labels);
  console.log(formatReport(title, report));
  console.log(
    `${title}, verdicts: ${JSON.stringify(verdictReport(outputs, set.labels, calibration))}`,
  );
  return report.accuracy;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
