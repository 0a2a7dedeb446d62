// What a run in the page trains on: MNIST's training images but the last VALIDATION_SIZE
// (kept to measure each epoch), optionally fewer, plus the person's drawings, weighted.
import { INPUT_PIXELS } from '../constants';
import type { DigitImages } from './mnistData';
import type { TrainSettings } from './trainProtocol';

/** The last 5,000 training images are held out for validation, as `npm run train` does. */
export const VALIDATION_SIZE = 5000;

/** The person's drawings, 784 floats in 0..1 each, with their digits. */
export interface Drawings {
  inputs: Float32Array[];
  labels: number[];
}

export interface TrainingSet {
  mnist: DigitImages;
  /** MNIST images trained on: indices 0..mnistCount-1. */
  mnistCount: number;
  /** Indices mnistCount.. of an epoch's examples are these, each `repeats` times. */
  personal: Drawings;
  repeats: number;
  /** One drawing per digit kept out of training, for the before/after figure. */
  heldOut: Drawings;
  /** Examples per epoch. */
  size: number;
  /** Images at the end of MNIST's training set kept for validation. */
  validationSize: number;
}

export function trainingSet(
  mnist: DigitImages,
  { limit, personal }: Pick<TrainSettings, 'limit' | 'personal'>,
  validationSize = VALIDATION_SIZE,
): TrainingSet {
  const trainable = mnist.count - validationSize;
  if (trainable <= 0) throw new Error(`MNIST has ${mnist.count} training images, too few`);
  const mnistCount = limit === null ? trainable : Math.max(1, Math.min(limit, trainable));
  const { kept, heldOut } = holdOutOnePerDigit(personal ?? { inputs: [], labels: [] });
  // Repetition, not sample weights: tfjs-layers' trainOnBatch takes none.
  const repeats = personal ? Math.max(1, Math.round(personal.weight)) : 0;
  return {
    mnist,
    mnistCount,
    personal: kept,
    repeats,
    heldOut,
    size: mnistCount + kept.inputs.length * repeats,
    validationSize,
  };
}

/** The validation images: MNIST training's last VALIDATION_SIZE. */
export function validationImages(mnist: DigitImages, size = VALIDATION_SIZE): DigitImages {
  const start = mnist.count - size;
  return {
    images: mnist.images.subarray(start * INPUT_PIXELS),
    labels: mnist.labels.subarray(start),
    count: size,
  };
}

/**
 * The newest drawing of each digit drawn at least twice is held out; a digit drawn once is
 * trained on (holding it out would leave that digit nothing of the person to learn from).
 */
export function holdOutOnePerDigit(drawings: Drawings): { kept: Drawings; heldOut: Drawings } {
  const counts = new Map<number, number>();
  for (const label of drawings.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const last = new Map<number, number>();
  drawings.labels.forEach((label, i) => {
    if (counts.get(label)! >= 2) last.set(label, i);
  });
  const held = new Set(last.values());
  const pick = (keep: boolean): Drawings => {
    const indices = drawings.labels.map((_, i) => i).filter((i) => held.has(i) !== keep);
    return {
      inputs: indices.map((i) => drawings.inputs[i]!),
      labels: indices.map((i) => drawings.labels[i]!),
    };
  };
  return { kept: pick(true), heldOut: pick(false) };
}

/** Writes example `index` of an epoch (an MNIST image, or a repeat of one of the person's
 * drawings) into `to` at `at` as 0..1 floats; returns its digit. */
function writeExample(set: TrainingSet, index: number, to: Float32Array, at: number): number {
  if (index < set.mnistCount) {
    const from = index * INPUT_PIXELS;
    for (let p = 0; p < INPUT_PIXELS; p++) to[at + p] = set.mnist.images[from + p]! / 255;
    return set.mnist.labels[index]!;
  }
  const i = (index - set.mnistCount) % set.personal.inputs.length;
  to.set(set.personal.inputs[i]!, at);
  return set.personal.labels[i]!;
}

/** One batch's pixels (0..1) and labels for the given example indices. */
export function batchOf(
  set: TrainingSet,
  indices: ArrayLike<number>,
): { pixels: Float32Array; labels: Int32Array } {
  const pixels = new Float32Array(indices.length * INPUT_PIXELS);
  const labels = new Int32Array(indices.length);
  for (let b = 0; b < indices.length; b++) {
    labels[b] = writeExample(set, indices[b]!, pixels, b * INPUT_PIXELS);
  }
  return { pixels, labels };
}

/** 0..count-1 in a random order (Fisher-Yates with a seeded generator). */
export function shuffledOrder(count: number, random: () => number): Uint32Array {
  const order = Uint32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A small seeded generator (mulberry32): runs repeat exactly with the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
