// The trained model's figures on a labelled set: accuracy, per digit, the confusion matrix and
// a few misread images per cell for the panel to open.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../constants';
import type { DigitImages } from './mnistData';
import type { TestReport } from './trainProtocol';

/** Misread images kept per confusion cell: enough to see the pattern, little to send. */
export const MISREAD_PER_CELL = 6;
/** Images predicted at once: one tensor of 1,000 x 784 floats (3 MB). */
const CHUNK = 1000;

/** Fills 0..1 pixels of images start..end-1. */
export type PixelSource = (start: number, end: number) => Float32Array;

/** Pixels of MNIST's bytes, as 0..1 floats. */
export function bytePixels(set: DigitImages): PixelSource {
  return (start, end) => {
    const bytes = set.images.subarray(start * INPUT_PIXELS, end * INPUT_PIXELS);
    // A plain loop: Float32Array.from with a map function is ~50x slower in V8.
    const out = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
    return out;
  };
}

/** Pixels of drawings given as one Float32Array each. */
export function floatPixels(inputs: readonly Float32Array[]): PixelSource {
  return (start, end) => {
    const out = new Float32Array((end - start) * INPUT_PIXELS);
    for (let i = start; i < end; i++) out.set(inputs[i]!, (i - start) * INPUT_PIXELS);
    return out;
  };
}

/** Each image's predicted digit (the largest of the first output's ten logits). */
export async function predictDigits(
  model: tfl.LayersModel,
  count: number,
  pixels: PixelSource,
): Promise<Int32Array> {
  const digits = new Int32Array(count);
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const classes = tf.tidy(() => {
      const xs = tf.tensor3d(pixels(start, end), [end - start, INPUT_SIZE, INPUT_SIZE]);
      const out = model.predict(xs);
      return tf.argMax(Array.isArray(out) ? out[0]! : out, 1);
    });
    try {
      digits.set((await classes.data()) as Int32Array, start);
    } finally {
      classes.dispose();
    }
  }
  return digits;
}

/** The share of `labels` that `digits` got right. */
export function accuracyOf(digits: ArrayLike<number>, labels: ArrayLike<number>): number {
  return rightOf(digits, labels) / Math.max(1, labels.length);
}

export function rightOf(digits: ArrayLike<number>, labels: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (digits[i] === labels[i]) right++;
  return right;
}

/** The test set's report from its predicted digits; `personal` is added as given. */
export function testReport(
  test: DigitImages,
  digits: Int32Array,
  personal: TestReport['personal'],
): TestReport {
  const confusion = Array.from({ length: NUM_CLASSES }, () =>
    new Array<number>(NUM_CLASSES).fill(0),
  );
  const misread: TestReport['misread'] = {};
  for (let i = 0; i < test.count; i++) {
    const truth = test.labels[i]!;
    const said = digits[i]!;
    confusion[truth]![said]!++;
    if (truth === said) continue;
    const cell = (misread[`${truth},${said}`] ??= []);
    if (cell.length < MISREAD_PER_CELL) {
      cell.push({ index: i, pixels: test.images.slice(i * INPUT_PIXELS, (i + 1) * INPUT_PIXELS) });
    }
  }
  const perClass = confusion.map((row, digit) => ({
    right: row[digit]!,
    total: row.reduce((a, b) => a + b, 0),
  }));
  return {
    accuracy: accuracyOf(digits, test.labels),
    perClass,
    confusion,
    misread,
    personal,
  };
}
