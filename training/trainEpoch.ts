import * as tf from '@tensorflow/tfjs';
import { INPUT_SIZE } from '../src/constants';
import type { DigitSet } from './mnist';
import { joinedLogits } from './predict';
import { formatDuration, ProgressBar } from './progress';
import type { Random } from './random';
import type { TrainOptions } from './trainOptions';
import { makeBatch, type Sample } from './trainingSamples';

/** Adam whose learning rate can follow a schedule (tfjs keeps it protected). */
export class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }
}
export const MIN_RATE = 2e-5;

/** Cosine decay from `maxRate` in the first epoch to MIN_RATE in the last. */
export function rateAt(epoch: number, epochs: number, maxRate: number): number {
  return (
    MIN_RATE +
    ((maxRate - MIN_RATE) * (1 + Math.cos((Math.PI * epoch) / Math.max(1, epochs - 1)))) / 2
  );
}

/** What one epoch trains on, and with what. */
export interface EpochInputs {
  model: tf.LayersModel;
  teachers: tf.LayersModel[];
  samples: Sample[];
  mnist: DigitSet;
  random: Random;
}

/** One pass over `samples` in batches, with a progress bar; `started` is the run's start. */
export async function trainEpoch(
  { model, teachers, samples, mnist, random }: EpochInputs,
  options: TrainOptions,
  epoch: number,
  started: number,
): Promise<void> {
  const { batchSize, epochs, maxRate } = options;
  const bar = new ProgressBar();
  const batches = Math.ceil(samples.length / batchSize);
  const epochStart = Date.now();
  let lossSum = 0;
  let accSum = 0;
  for (let b = 0; b < batches; b++) {
    const batch = samples.slice(b * batchSize, (b + 1) * batchSize);
    const { images, labels } = makeBatch(batch, mnist, options.samples, random);
    const xs = tf.tensor3d(images, [batch.length, INPUT_SIZE, INPUT_SIZE]);
    const ys = targets(model, teachers, labels, xs, options.distill);
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
        `lr ${rateAt(epoch, epochs, maxRate).toExponential(1)} elapsed ${formatDuration(Date.now() - started)} ` +
        `left ~${formatDuration(left)}`,
    );
  }
  bar.done();
  // The bench reads this line: Node's time per epoch, beside the page's (bench/trainCost.ts).
  console.log(
    `epoch ${epoch + 1} trained: ${samples.length} images in ${((Date.now() - epochStart) / 1000).toFixed(1)} s`,
  );
}

/** One-hot labels, or with teachers (1 - share) x them + share x the teachers' mean softmax at T. */
function targets(
  model: tf.LayersModel,
  teachers: tf.LayersModel[],
  labels: Int32Array,
  xs: tf.Tensor3D,
  { share, temperature }: TrainOptions['distill'],
): tf.Tensor {
  const classes = model.outputs[0]!.shape[1]!;
  return tf.tidy(() => {
    const hard = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat();
    if (!teachers.length) return hard;
    const soft = tf.addN(teachers.map((t) => tf.softmax(tf.div(joinedLogits(t, xs), temperature))));
    return tf.add(tf.mul(hard, 1 - share), tf.mul(soft, share / teachers.length));
  });
}
