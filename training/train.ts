import * as tf from '@tensorflow/tfjs';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS, INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { servingTensor, type ModelMetadata } from '../src/model/modelFormat';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { augmentImage, DEFAULT_AUGMENT } from './augment';
import { accuracyReport, formatReport } from './confusion';
import { exportModel, MODEL_JSON } from './exportModel';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit, splitValidation, VALIDATION_SIZE, type DigitSet } from './mnist';
import { ARCHITECTURES, buildModel, INPUT_NAME, OUTPUT_NAME, type Architecture } from './model';
import { bytesToFloats, measureAccuracy, predictClasses } from './predict';
import { formatDuration, ProgressBar } from './progress';
import { Random } from './random';
import { augmentStrokes, randomPenWidth } from './strokeAugment';
import {
  loadStrokeDigits,
  renderDigit,
  renderDigits,
  splitByWriter,
  type StrokeDigit,
} from './strokeDigits';
import { startWasmBackend } from './wasmBackend';

const USAGE = `npm run train -- [--epochs N] [--seed N] [--arch ${ARCHITECTURES.join('|')}]
                  [--out DIR] [--batch N] [--stroke-repeats N] [--stroke-augment] [--strokes FILE]`;

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '42' },
    arch: { type: 'string', default: 'fast' },
    out: { type: 'string', default: 'public/model' },
    batch: { type: 'string', default: '64' },
    'stroke-repeats': { type: 'string', default: '3' },
    'stroke-augment': { type: 'boolean', default: false },
    strokes: { type: 'string' },
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
if (!ARCHITECTURES.includes(args.arch as Architecture)) fail(`unknown --arch ${args.arch}`);
const arch = args.arch as Architecture;

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

/** A training example: an MNIST image, or a stroke digit rendered afresh each time. */
type Sample = { kind: 'mnist'; index: number } | { kind: 'strokes'; digit: StrokeDigit };

await main();

async function main(): Promise<void> {
  await startWasmBackend();
  const random = new Random(seed);
  const { train, validation } = splitValidation(loadMnistSplit('train'));
  const test = loadMnistSplit('t10k');
  const strokes = splitByWriter(loadStrokeDigits(args.strokes));
  console.log(
    `arch ${arch}, ${epochs} epochs, seed ${seed}, batch ${batchSize}; MNIST ${train.count} train / ` +
      `${validation.count} validation; strokes of ${strokes.train.length} digits x ${strokeRepeats}` +
      ` per epoch (held out: ${HELD_OUT_WRITERS.join(', ')})`,
  );

  const model = buildModel(arch, seed);
  const optimizer = new ScheduledAdam(MAX_RATE, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy'] });
  console.log(`${model.countParams()} parameters`);

  const validationImages = bytesToFloats(validation.images);
  let best = { accuracy: -1, epoch: -1, weights: [] as tf.Tensor[] };
  const started = Date.now();
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.setLearningRate(rateAt(epoch));
    const samples = epochSamples(train, strokes.train, random);
    await trainEpoch(model, samples, train, random, epoch, started);
    const predicted = await predictClasses(model, validationImages, validation.count);
    const accuracy = accuracyReport(predicted, validation.labels).accuracy;
    console.log(`epoch ${epoch + 1}: validation accuracy ${(accuracy * 100).toFixed(2)}%`);
    if (accuracy > best.accuracy) {
      best.weights.forEach((w) => w.dispose());
      best = { accuracy, epoch, weights: model.getWeights().map((w) => w.clone()) };
    }
  }
  model.setWeights(best.weights);
  best.weights.forEach((w) => w.dispose());
  console.log(`keeping epoch ${best.epoch + 1} (best validation accuracy)`);

  // Measure the files as shipped (quantised), then write them again with the figures inside.
  const outDir = args.out!;
  const settings = trainingSettings(best.epoch, Date.now() - started);
  await exportModel(model, outDir, metadata(model, settings, { mnistTest: 0, mnistValidation: 0 }));
  const { model: shipped } = await loadModelFile(`${outDir}/${MODEL_JSON}`);
  const testReport = await measureAccuracy(shipped, {
    images: bytesToFloats(test.images),
    labels: test.labels,
  });
  const validationReport = await measureAccuracy(shipped, {
    images: validationImages,
    labels: validation.labels,
  });
  const heldOutReport = await measureAccuracy(shipped, renderDigits(strokes.heldOut));
  console.log(formatReport('MNIST test (quantised model)', testReport));
  console.log(formatReport(`held-out writers ${HELD_OUT_WRITERS.join(', ')}`, heldOutReport));
  const sizes = await exportModel(
    model,
    outDir,
    metadata(model, settings, {
      mnistTest: testReport.accuracy,
      mnistValidation: validationReport.accuracy,
      heldOutWriters: heldOutReport.accuracy,
      heldOutWriterIds: [...HELD_OUT_WRITERS],
    }),
  );
  console.log(
    `wrote ${outDir}: model.json ${sizes.modelJsonBytes} B + weights ${sizes.weightBytes} B = ` +
      `${((sizes.modelJsonBytes + sizes.weightBytes) / 1024).toFixed(1)} KiB`,
  );
}

function epochSamples(train: DigitSet, strokeDigits: StrokeDigit[], random: Random): Sample[] {
  const samples: Sample[] = Array.from({ length: train.count }, (_, index) => ({
    kind: 'mnist' as const,
    index,
  }));
  // Fractional repeats: each stroke digit appears floor(r) or ceil(r) times.
  for (const digit of strokeDigits) {
    const times = Math.floor(strokeRepeats) + (random.next() < strokeRepeats % 1 ? 1 : 0);
    for (let i = 0; i < times; i++) samples.push({ kind: 'strokes', digit });
  }
  return random.shuffle(samples);
}

async function trainEpoch(
  model: tf.LayersModel,
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
    const { images, labels } = makeBatch(batch, train, random);
    const xs = tf.tensor3d(images, [batch.length, INPUT_SIZE, INPUT_SIZE]);
    const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES));
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

function makeBatch(batch: Sample[], train: DigitSet, random: Random) {
  const images = new Float32Array(batch.length * INPUT_PIXELS);
  const labels = new Int32Array(batch.length);
  batch.forEach((sample, i) => {
    let image: Float32Array;
    if (sample.kind === 'mnist') {
      const bytes = train.images.subarray(
        sample.index * INPUT_PIXELS,
        (sample.index + 1) * INPUT_PIXELS,
      );
      image = augmentImage(bytesToFloats(bytes), random);
      labels[i] = train.labels[sample.index]!;
    } else {
      image = args['stroke-augment']
        ? augmentedStrokeImage(sample.digit, random)
        : // A random pen width stands in for thinner and bolder strokes here.
          augmentImage(renderDigit(sample.digit, random.uniform(1.4, 3.2)), random, {
            ...DEFAULT_AUGMENT,
            thicknessChance: 0,
          });
      labels[i] = sample.digit.label;
    }
    images.set(image, i * INPUT_PIXELS);
  });
  return { images, labels };
}

/**
 * The digit as another hand might have written it: the strokes are rotated, slanted,
 * stretched and resampled before rasterising, with a random pen; the preprocessing then fits
 * and centres it as the app does, so no image warp follows.
 */
function augmentedStrokeImage(digit: StrokeDigit, random: Random): Float32Array {
  const strokes = augmentStrokes(digit.strokes, random);
  return strokesToInput(strokes, randomPenWidth(random)) ?? renderDigit(digit);
}

function trainingSettings(bestEpoch: number, elapsedMs: number): ModelMetadata['training'] {
  return {
    command: `npm run train -- --arch ${arch} --epochs ${epochs} --seed ${seed} --batch ${batchSize} --stroke-repeats ${strokeRepeats}${args['stroke-augment'] ? ' --stroke-augment' : ''}`,
    epochs,
    chosenEpoch: bestEpoch + 1,
    seed,
    batchSize,
    optimizer: `adam, cosine learning rate ${MAX_RATE} -> ${MIN_RATE}`,
    data: `MNIST train minus its last ${VALIDATION_SIZE} (validation) + pendigits strokes of writers not in heldOutWriterIds, x${strokeRepeats} per epoch`,
    augmentation:
      'MNIST: rotation +-12deg, scale 0.85-1.1, shear +-0.25, shift +-2px, bolder/thinner strokes; ' +
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
        outputs: { [OUTPUT_NAME]: servingTensor(OUTPUT_NAME, [-1, NUM_CLASSES]) },
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
