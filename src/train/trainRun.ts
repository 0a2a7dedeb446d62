// One training run, framework-free (the worker drives it; Node tests run it on the cpu
// backend): batch by batch with trainOnBatch, so it can pause, stop and report every batch.
import * as tf from '@tensorflow/tfjs-core';
import { INPUT_SIZE, NUM_CLASSES } from '../constants';
import type { ModelMetadata } from '../model/modelFormat';
import { buildModel } from './buildModel';
import { DecayingAdam, FINAL_RATE_SHARE } from './decayingAdam';
import type { MnistData } from './mnistData';
import { RunGate } from './runGate';
import {
  bytePixels,
  floatPixels,
  predictDigits,
  rightOf,
  testReport,
  accuracyOf,
} from './testReport';
import { saveTrainedModel, servingSignature } from './trainedModelFiles';
import {
  batchOf,
  seededRandom,
  shuffledOrder,
  trainingSet,
  validationImages,
  type TrainingSet,
} from './trainingSet';
import type {
  BatchPoint,
  EpochPoint,
  TestReport,
  TrainedModelFiles,
  TrainSettings,
} from './trainProtocol';

export interface TrainEvents {
  batch(point: BatchPoint, batchesPerEpoch: number): void;
  epoch(point: EpochPoint): void;
}

export interface TrainRunOptions {
  seed?: number;
  /** Awaited between batches so messages (pause, stop) get in; the default is a macrotask. */
  yieldToEvents?: () => Promise<void>;
  now?: () => number;
  /** The shipped model's digits for the person's held-out drawings (the "before"), or null. */
  shippedDigits?: (inputs: Float32Array[]) => Promise<number[] | null>;
  /** Recorded in the model's metadata. */
  backend?: string;
  /** MNIST training's last images kept for validation; fewer only in tests. */
  validationSize?: number;
}

export interface TrainResult {
  report: TestReport;
  model: TrainedModelFiles;
}

export interface TrainRunHandle {
  pause(): void;
  resume(): void;
  /** Ends the run before its next batch; `result` then resolves to null. */
  stop(): void;
  /** The report and files, or null if stopped; rejects with what went wrong. */
  result: Promise<TrainResult | null>;
}

/** Starts a run; every tensor it makes is disposed when it ends, however it ends. */
export function startTrainRun(
  data: MnistData,
  settings: TrainSettings,
  events: TrainEvents,
  options: TrainRunOptions = {},
): TrainRunHandle {
  const gate = new RunGate(options.now ?? (() => performance.now()));
  return {
    pause: () => gate.pause(),
    resume: () => gate.resume(),
    stop: () => gate.stop(),
    result: run(data, settings, events, gate, options),
  };
}

async function run(
  data: MnistData,
  settings: TrainSettings,
  events: TrainEvents,
  gate: RunGate,
  options: TrainRunOptions,
): Promise<TrainResult | null> {
  checkSettings(settings);
  const {
    seed = Date.now() % 2 ** 31,
    yieldToEvents = macrotask,
    now = () => performance.now(),
  } = options;
  const set = trainingSet(data.train, settings, options.validationSize);
  const before = await shippedRight(set, options.shippedDigits);
  const random = seededRandom(seed);
  const model = buildModel(settings.arch, seed);
  const optimizer = new DecayingAdam(settings.learningRate);
  try {
    model.compile({ optimizer, loss: tf.losses.softmaxCrossEntropy, metrics: ['accuracy'] });
    const { batchSize } = settings;
    const batchesPerEpoch = Math.ceil(set.size / batchSize);
    const started = now();
    let validationAccuracy = 0;
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = shuffledOrder(set.size, random);
      const epochStart = now();
      const pausedBefore = gate.pausedMs;
      let lossSum = 0;
      let accuracySum = 0;
      for (let batch = 1; batch <= batchesPerEpoch; batch++) {
        await yieldToEvents();
        if (!(await gate.pass())) return null;
        const indices = order.subarray((batch - 1) * batchSize, batch * batchSize);
        optimizer.setProgress((epoch - 1 + (batch - 1) / batchesPerEpoch) / settings.epochs);
        const [loss, accuracy] = await trainBatch(model, set, indices);
        if (!Number.isFinite(loss)) {
          throw new Error(
            `Training diverged (the loss is ${loss} at epoch ${epoch}, batch ${batch}): try a lower learning rate.`,
          );
        }
        lossSum += loss;
        accuracySum += accuracy;
        events.batch({ epoch, batch, loss, accuracy }, batchesPerEpoch);
      }
      const ms = now() - epochStart - (gate.pausedMs - pausedBefore);
      const validation = validationImages(data.train, set.validationSize);
      const digits = await predictDigits(model, validation.count, bytePixels(validation));
      validationAccuracy = accuracyOf(digits, validation.labels);
      events.epoch({
        epoch,
        loss: lossSum / batchesPerEpoch,
        accuracy: accuracySum / batchesPerEpoch,
        validationAccuracy,
        ms,
      });
    }
    const trainingMs = now() - started - gate.pausedMs;
    const digits = await predictDigits(model, data.test.count, bytePixels(data.test));
    const held = set.heldOut;
    const after = held.inputs.length
      ? rightOf(
          await predictDigits(model, held.inputs.length, floatPixels(held.inputs)),
          held.labels,
        )
      : 0;
    const personal = before === null ? null : { before, after, total: held.inputs.length };
    const report = testReport(data.test, digits, personal);
    const metadata: ModelMetadata = {
      signature_def: servingSignature(),
      architecture: settings.arch,
      parameterCount: model.countParams(),
      training: trainingRecord(settings, set, seed, trainingMs, options.backend),
      accuracy: { mnistTest: report.accuracy, mnistValidation: validationAccuracy },
    };
    return { report, model: await saveTrainedModel(model, metadata) };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

function checkSettings({ epochs, batchSize, learningRate, limit }: TrainSettings): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!whole(epochs)) throw new Error(`Epochs must be a whole number from 1, not ${epochs}.`);
  if (!whole(batchSize))
    throw new Error(`Batch size must be a whole number from 1, not ${batchSize}.`);
  if (!(learningRate > 0 && learningRate < 1)) {
    throw new Error(`The learning rate must be between 0 and 1, not ${learningRate}.`);
  }
  if (limit !== null && !whole(limit))
    throw new Error(`The image limit must be a whole number from 1, not ${limit}.`);
}

/** The shipped model's right answers on the held-out drawings, or null with none to compare. */
async function shippedRight(
  set: TrainingSet,
  shippedDigits: TrainRunOptions['shippedDigits'],
): Promise<number | null> {
  if (!set.heldOut.inputs.length || !shippedDigits) return null;
  const digits = await shippedDigits(set.heldOut.inputs);
  return digits ? rightOf(digits, set.heldOut.labels) : null;
}

async function trainBatch(
  model: ReturnType<typeof buildModel>,
  set: TrainingSet,
  indices: Uint32Array,
): Promise<[number, number]> {
  const { pixels, labels } = batchOf(set, indices);
  const xs = tf.tensor3d(pixels, [indices.length, INPUT_SIZE, INPUT_SIZE]);
  const ys = tf.tidy(() =>
    tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES), 'float32'),
  );
  try {
    const [loss, accuracy] = (await model.trainOnBatch(xs, ys)) as number[];
    return [loss!, accuracy!];
  } finally {
    xs.dispose();
    ys.dispose();
  }
}

function trainingRecord(
  settings: TrainSettings,
  set: TrainingSet,
  seed: number,
  elapsedMs: number,
  backend = 'unknown',
): ModelMetadata['training'] {
  return {
    where: 'the page, in a web worker (issue 26: Train panel)',
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    optimizer: `adam, learning rate ${settings.learningRate} falling along a cosine to ${FINAL_RATE_SHARE} of it`,
    seed,
    data:
      `MNIST train: the first ${set.mnistCount} of its first ${set.mnist.count - set.validationSize} ` +
      `(the last ${set.validationSize} are validation)` +
      (set.personal.inputs.length
        ? ` + ${set.personal.inputs.length} of the person's drawings x${set.repeats} per epoch ` +
          `(${set.heldOut.inputs.length} held out)`
        : ''),
    backend,
    trainingMinutes: Math.round(elapsedMs / 600) / 100,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** A turn of the event loop without setTimeout's 4 ms clamp on nested timers. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
