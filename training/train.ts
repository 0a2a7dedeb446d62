import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS, INPUT_SIZE, VALIDATION_WRITERS } from '../src/constants';
import { servingTensor, type ModelMetadata } from '../src/model/modelFormat';
import { calibrateModel } from './calibrateModel';
import { accuracyReport, formatReport } from './confusion';
import { exportModel, MODEL_JSON } from './exportModel';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit, splitValidation, subset, VALIDATION_SIZE, type DigitSet } from './mnist';
import {
  ARCHITECTURES,
  buildModel,
  foldBatchNorm,
  INPUT_NAME,
  servingModel,
  type Architecture,
} from './model';
import { generateNonDigits } from './nonDigits';
import {
  bytesToFloats,
  classesOf,
  joinedLogits,
  joinSets,
  measureAccuracy,
  predictOutputs,
} from './predict';
import { formatDuration, ProgressBar } from './progress';
import { Random } from './random';
import { loadStrokeDigits, renderDigits, splitByWriter } from './strokeDigits';
import { epochSamples, makeBatch, type Sample, type SampleOptions } from './trainingSamples';
import { verdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';

const USAGE = `npm run train -- [--epochs N] [--seed N] [--arch ${ARCHITECTURES.join('|')}]
                  [--out DIR] [--batch N] [--stroke-repeats N] [--stroke-augment]
                  [--non-digits SHARE] [--validation-writers tra-3,...|none] [--strokes FILE]
                  [--teachers DIR,... [--distill SHARE] [--distill-temperature T]] [--batch-norm]
                  [--mnist-clean SHARE]
  --non-digits SHARE  also learn "not a digit" from generated letters, scribbles and shapes,
                      SHARE of an epoch's digits (e.g. 0.1); the model gets a second output
  --teachers DIRS     distillation: each batch's targets are (1 - SHARE) x the labels + SHARE x
                      the teachers' mean probabilities at temperature T (trained models of this
                      pipeline, with the same outputs as the student)
  --batch-norm        batch normalisation after each convolution while training, folded into
                      the convolutions for export (the served network is unchanged)
  --mnist-clean SHARE serve this share of MNIST images unwarped (the rest are rotated, scaled,
                      sheared, shifted, thickened), as MNIST test is; default 0`;

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '42' },
    arch: { type: 'string', default: 'fast' },
    out: { type: 'string', default: 'public/model' },
    batch: { type: 'string', default: '64' },
    'stroke-repeats': { type: 'string', default: '3' },
    'stroke-augment': { type: 'boolean', default: false },
    'non-digits': { type: 'string', default: '0' },
    // Train on the first N MNIST images only: a quick end-to-end check of the pipeline.
    limit: { type: 'string' },
    // Training writers kept out of training to calibrate on (none of HELD_OUT_WRITERS).
    'validation-writers': { type: 'string', default: VALIDATION_WRITERS.join(',') },
    strokes: { type: 'string' },
    teachers: { type: 'string' },
    distill: { type: 'string', default: '0.5' },
    'distill-temperature': { type: 'string', default: '2' },
    // Train with batch normalisation after each convolution; folded away before export.
    'batch-norm': { type: 'boolean', default: false },
    'mnist-clean': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const epochs = positiveInt('epochs', args.epochs);
const seed = positiveInt('seed', args.seed);
const batchSize = positiveInt('batch', args.batch);
const strokeRepeats = Number(args['stroke-repeats']);
if (!(strokeRepeats >= 0))
  fail(`--stroke-repeats must be a number >= 0, got ${args['stroke-repeats']}`);
const nonDigitShare = Number(args['non-digits']);
if (!(nonDigitShare >= 0 && nonDigitShare < 1))
  fail(`--non-digits must be a share in [0, 1), got ${args['non-digits']}`);
const validationWriters =
  args['validation-writers'] === 'none' ? [] : args['validation-writers']!.split(',');
const mnistClean = Number(args['mnist-clean']);
if (!(mnistClean >= 0 && mnistClean <= 1))
  fail(`--mnist-clean must be a share in [0, 1], got ${args['mnist-clean']}`);
const sampleOptions: SampleOptions = {
  strokeRepeats,
  strokeAugment: args['stroke-augment']!,
  mnistClean,
};
if (!ARCHITECTURES.includes(args.arch as Architecture)) fail(`unknown --arch ${args.arch}`);
const arch = args.arch as Architecture;
if (args['batch-norm'] && arch === 'mlp') fail('--batch-norm is for the CNNs, not mlp');
const teacherDirs = args.teachers ? args.teachers.split(',') : [];
const distillShare = Number(args.distill);
const distillTemperature = Number(args['distill-temperature']);
if (!(distillShare >= 0 && distillShare <= 1))
  fail(`--distill must be in [0, 1], got ${args.distill}`);
if (!(distillTemperature > 0)) fail(`--distill-temperature must be > 0`);

/** Adam whose learning rate can follow a schedule (tfjs keeps it protected). */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}
const MAX_RATE = 1e-3;
const MIN_RATE = 2e-5;
/** Cosine decay from MAX_RATE in the first epoch to MIN_RATE in the last. */
const rateAt = (epoch: number) =>
  MIN_RATE +
  ((MAX_RATE - MIN_RATE) * (1 + Math.cos((Math.PI * epoch) / Math.max(1, epochs - 1)))) / 2;

await main();

async function main(): Promise<void> {
  await startWasmBackend();
  const random = new Random(seed);
  const split = splitValidation(loadMnistSplit('train'));
  const { validation } = split;
  const train = args.limit ? subset(split.train, 0, positiveInt('limit', args.limit)) : split.train;
  const test = loadMnistSplit('t10k');
  const { train: trainWriters, heldOut } = splitByWriter(loadStrokeDigits(args.strokes));
  const strokes = splitByWriter(trainWriters, validationWriters);
  console.log(
    `arch ${arch}, ${epochs} epochs, seed ${seed}, batch ${batchSize}; MNIST ${train.count} train / ` +
      `${validation.count} validation; strokes of ${strokes.train.length} digits x ${strokeRepeats}` +
      ` per epoch (validation writers: ${validationWriters.join(', ') || 'none'}; held out: ` +
      `${HELD_OUT_WRITERS.join(', ')}); non-digits ${nonDigitShare} of an epoch`,
  );

  const model = buildModel(arch, seed, nonDigitShare > 0, args['batch-norm']);
  const teachers = await Promise.all(
    teacherDirs.map(async (dir) => (await loadModelFile(`${dir}/${MODEL_JSON}`)).model),
  );
  const width = (m: tf.LayersModel) => m.outputs.reduce((n, o) => n + o.shape[1]!, 0);
  for (const [i, teacher] of teachers.entries()) {
    if (width(teacher) !== width(model)) {
      fail(`teacher ${teacherDirs[i]} has ${width(teacher)} outputs, the student ${width(model)}`);
    }
  }
  if (teachers.length)
    console.log(
      `distilling from ${teacherDirs.join(', ')}: ${distillShare} of each target at T ${distillTemperature}`,
    );
  const nonDigitCount = Math.round(
    nonDigitShare * (train.count + strokes.train.length * strokeRepeats),
  );
  const optimizer = new ScheduledAdam(MAX_RATE, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy'] });
  console.log(`${model.countParams()} parameters`);

  const validationImages = bytesToFloats(validation.images);
  // The epoch is chosen on MNIST validation and the validation writers' pen digits together:
  // the page reads pen strokes, not scanned digits.
  const validationSet = joinSets(
    { images: validationImages, labels: validation.labels },
    renderDigits(strokes.heldOut),
  );
  let best = { accuracy: -1, epoch: -1, weights: [] as tf.Tensor[] };
  const started = Date.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.setLearningRate(rateAt(epoch));
    const nonDigits = generateNonDigits(nonDigitCount, random, 'train').map((d) => d.strokes);
    const samples = epochSamples(train, strokes.train, nonDigits, sampleOptions, random);
    await trainEpoch(model, teachers, samples, train, random, epoch, started);
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

  // Measure and calibrate the files as shipped (quantised), then write them again with the
  // figures and the calibration inside.
  const outDir = args.out!;
  const served = servingModel(foldBatchNorm(model, arch));
  const settings = trainingSettings(best.epoch, Date.now() - started);
  const blank = { mnistTest: 0, mnistValidation: 0 };
  await exportModel(served, outDir, metadata(served, settings, blank));
  const { model: shipped } = await loadModelFile(`${outDir}/${MODEL_JSON}`);
  const calibration = await calibrateModel(
    shipped,
    validationSet,
    `MNIST validation (last ${VALIDATION_SIZE} of train) + pen digits of writers ` +
      `${validationWriters.join(', ') || '(none)'}, never trained on`,
  );
  console.log(`calibration: ${JSON.stringify(calibration)}`);
  const testReport = await measureAccuracy(shipped, {
    images: bytesToFloats(test.images),
    labels: test.labels,
  });
  const validationReport = await measureAccuracy(shipped, {
    images: validationImages,
    labels: validation.labels,
  });
  const heldOutSet = renderDigits(heldOut);
  const heldOutOutputs = await predictOutputs(shipped, heldOutSet.images, heldOutSet.labels.length);
  const heldOutReport = accuracyReport(classesOf(heldOutOutputs), heldOutSet.labels);
  console.log(formatReport('MNIST test (quantised model)', testReport));
  console.log(formatReport(`held-out writers ${HELD_OUT_WRITERS.join(', ')}`, heldOutReport));
  console.log(
    `held-out writers, verdicts: ${JSON.stringify(verdictReport(heldOutOutputs, heldOutSet.labels, calibration))}`,
  );
  const sizes = await exportModel(served, outDir, {
    ...metadata(served, settings, {
      mnistTest: testReport.accuracy,
      mnistValidation: validationReport.accuracy,
      heldOutWriters: heldOutReport.accuracy,
      heldOutWriterIds: [...HELD_OUT_WRITERS],
    }),
    calibration,
  });
  console.log(
    `wrote ${outDir}: model.json ${sizes.modelJsonBytes} B + weights ${sizes.weightBytes} B = ` +
      `${((sizes.modelJsonBytes + sizes.weightBytes) / 1024).toFixed(1)} KiB`,
  );
}

async function trainEpoch(
  model: tf.LayersModel,
  teachers: tf.LayersModel[],
  samples: Sample[],
  train: DigitSet,
  random: Random,
  epoch: number,
  started: number,
): Promise<void> {
  const bar = new ProgressBar();
  const batches = Math.ceil(samples.length / batchSize);
  const epochStart = Date.now();
  let lossSum = 0;
  let accSum = 0;
  for (let b = 0; b < batches; b++) {
    const batch = samples.slice(b * batchSize, (b + 1) * batchSize);
    const { images, labels } = makeBatch(batch, train, sampleOptions, random);
    const xs = tf.tensor3d(images, [batch.length, INPUT_SIZE, INPUT_SIZE]);
    const classes = model.outputs[0]!.shape[1]!;
    const ys = tf.tidy(() => {
      const hard = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
      if (!teachers.length) return hard;
      const soft = tf.addN(
        teachers.map((t) => tf.softmax(tf.div(joinedLogits(t, xs), distillTemperature))),
      );
      return tf.add(tf.mul(hard, 1 - distillShare), tf.mul(soft, distillShare / teachers.length));
    });
    const [loss, acc] = (await model.trainOnBatch(xs, ys)) as number[];
    xs.dispose();
    ys.dispose();
    lossSum += loss!;
    accSum += acc!;
    const perBatch = (Date.now() - epochStart) / (b + 1);
    const left = perBatch * (batches - b - 1 + (epochs - epoch - 1) * batches);
    bar.update(
      (b + 1) / batches,
      `epoch ${epoch + 1}/${epochs}`,
      `loss ${(lossSum / (b + 1)).toFixed(4)} acc ${(accSum / (b + 1)).toFixed(4)} ` +
        `lr ${rateAt(epoch).toExponential(1)} elapsed ${formatDuration(Date.now() - started)} ` +
        `left ~${formatDuration(left)}`,
    );
  }
  bar.done();
}

function trainingSettings(bestEpoch: number, elapsedMs: number): ModelMetadata['training'] {
  return {
    command:
      `npm run train -- --arch ${arch} --epochs ${epochs} --seed ${seed} --batch ${batchSize} --stroke-repeats ${strokeRepeats}` +
      `${args['stroke-augment'] ? ' --stroke-augment' : ''}${nonDigitShare ? ` --non-digits ${nonDigitShare}` : ''}` +
      `${args['batch-norm'] ? ' --batch-norm' : ''}${mnistClean ? ` --mnist-clean ${mnistClean}` : ''}` +
      `${teacherDirs.length ? ` --teachers ${teacherDirs.join(',')} --distill ${distillShare} --distill-temperature ${distillTemperature}` : ''}`,
    epochs,
    chosenEpoch: bestEpoch + 1,
    seed,
    batchSize,
    optimizer: `adam, cosine learning rate ${MAX_RATE} -> ${MIN_RATE}`,
    data: `MNIST train minus its last ${VALIDATION_SIZE} (validation) + pendigits strokes of writers not in heldOutWriterIds, x${strokeRepeats} per epoch`,
    augmentation:
      `MNIST${mnistClean ? ` (${mnistClean} of images unwarped)` : ''}: rotation +-12deg, scale 0.85-1.1, shear +-0.25, shift +-2px, bolder/thinner strokes; ` +
      (args['stroke-augment']
        ? 'strokes: rotation, slant, aspect, stroke offsets, point jitter and resampling before rasterising (training/strokeAugment.ts), pen width 1.4-3.2'
        : 'strokes: the same image warp, pen width 1.4-3.2'),
    backend: 'wasm (Node)',
    trainingMinutes: Math.round(elapsedMs / 600) / 100,
    quantization: 'uint8 per tensor',
    date: new Date().toISOString().slice(0, 10),
  };
}

function metadata(
  model: tf.LayersModel,
  training: ModelMetadata['training'],
  accuracy: ModelMetadata['accuracy'],
): ModelMetadata {
  return {
    signature_def: {
      serving_default: {
        inputs: { [INPUT_NAME]: servingTensor(INPUT_NAME, [-1, INPUT_SIZE, INPUT_SIZE]) },
        // The seed's ten logits, and the not-a-digit logit where the model has one.
        outputs: Object.fromEntries(
          model.outputs.map((o) => {
            const name = o.sourceLayer.name;
            return [name, servingTensor(name, [-1, o.shape[1]!])];
          }),
        ),
        method_name: 'tensorflow/serving/predict',
      },
    },
    architecture: arch,
    parameterCount: model.countParams(),
    training,
    accuracy,
  };
}

function positiveInt(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a positive integer, got ${value}`);
  return n;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
