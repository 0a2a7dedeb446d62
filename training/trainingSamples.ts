import { INPUT_PIXELS, NUM_CLASSES } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import type { Stroke } from '../src/strokes';
import { augmentImage, DEFAULT_AUGMENT, type AugmentOptions } from './augment';
import type { DigitSet } from './mnist';
import { bytesToFloats } from './predict';
import type { Random } from './random';
import { addSlash } from './slashedZero';
import { augmentStrokes, randomPenWidth } from './strokeAugment';
import { renderDigit, type StrokeDigit } from './strokeDigits';

/**
 * The image warp of stroke digits trained without stroke augmentation: a random pen width
 * stands in for thinner and bolder strokes.
 */
export const STROKE_IMAGE_AUGMENT: AugmentOptions = { ...DEFAULT_AUGMENT, thicknessChance: 0 };

/** The class index of "not a digit" in a model trained with it (after the ten digits). */
export const NOT_DIGIT_CLASS = NUM_CLASSES;

/** A training example, rendered afresh (and differently) every time it is drawn. */
export type Sample =
  | { kind: 'mnist'; index: number }
  | { kind: 'strokes'; digit: StrokeDigit }
  | { kind: 'non-digit'; strokes: Stroke[] };

export interface SampleOptions {
  /** How often each stroke digit appears per epoch (fractions round at random). */
  strokeRepeats: number;
  /** Augment stroke digits as strokes (rotation, slant, aspect, resampling) instead of images. */
  strokeAugment: boolean;
  /** Share of MNIST images served as they are, unwarped (MNIST test is unwarped); default 0. */
  mnistClean?: number;
  /** Share of stroke zeros given a slash through them (slashedZero.ts); default 0. */
  slashedZeros?: number;
}

/** Stroke digits of one source and how often each appears per epoch. */
export interface StrokeSource {
  digits: readonly StrokeDigit[];
  repeats: number;
}

/** One epoch's examples in random order: all of MNIST, the stroke digits, the non-digits. */
export function epochSamples(
  mnist: DigitSet,
  strokeDigits: readonly StrokeDigit[],
  nonDigits: readonly Stroke[][],
  { strokeRepeats }: SampleOptions,
  random: Random,
  moreStrokes: readonly StrokeSource[] = [],
): Sample[] {
  const samples: Sample[] = Array.from({ length: mnist.count }, (_, index) => ({
    kind: 'mnist' as const,
    index,
  }));
  // Further sources after the first, so a run without them draws the same random numbers.
  for (const source of [{ digits: strokeDigits, repeats: strokeRepeats }, ...moreStrokes]) {
    for (const digit of source.digits) {
      const times = Math.floor(source.repeats) + (random.next() < source.repeats % 1 ? 1 : 0);
      for (let i = 0; i < times; i++) samples.push({ kind: 'strokes', digit });
    }
  }
  for (const strokes of nonDigits) samples.push({ kind: 'non-digit', strokes });
  return random.shuffle(samples);
}

/** A batch of samples as packed model inputs and class labels. */
export function makeBatch(
  batch: readonly Sample[],
  mnist: DigitSet,
  options: SampleOptions,
  random: Random,
): { images: Float32Array; labels: Int32Array } {
  const images = new Float32Array(batch.length * INPUT_PIXELS);
  const labels = new Int32Array(batch.length);
  batch.forEach((sample, i) => {
    const { image, label } = renderSample(sample, mnist, options, random);
    images.set(image, i * INPUT_PIXELS);
    labels[i] = label;
  });
  return { images, labels };
}

function renderSample(
  sample: Sample,
  mnist: DigitSet,
  { strokeAugment, mnistClean = 0, slashedZeros = 0 }: SampleOptions,
  random: Random,
): { image: Float32Array; label: number } {
  switch (sample.kind) {
    case 'mnist': {
      const at = sample.index * INPUT_PIXELS;
      const image = bytesToFloats(mnist.images.subarray(at, at + INPUT_PIXELS));
      // Draws no number at share 0: the random stream, and so a recipe's model, stays as before.
      const clean = mnistClean > 0 && random.next() < mnistClean;
      return {
        image: clean ? image : augmentImage(image, random),
        label: mnist.labels[sample.index]!,
      };
    }
    case 'strokes': {
      // Draws no number at share 0, like mnistClean.
      const slashed = slashedZeros > 0 && sample.digit.label === 0 && random.next() < slashedZeros;
      const digit = slashed
        ? { ...sample.digit, strokes: addSlash(sample.digit.strokes, random) }
        : sample.digit;
      const image = strokeAugment
        ? (augmentedStrokes(digit.strokes, random) ?? renderDigit(digit))
        : augmentImage(renderDigit(digit, randomPenWidth(random)), random, STROKE_IMAGE_AUGMENT);
      return { image, label: digit.label };
    }
    case 'non-digit': {
      const image = augmentedStrokes(sample.strokes, random) ?? new Float32Array(INPUT_PIXELS);
      return { image, label: NOT_DIGIT_CLASS };
    }
  }
}

/**
 * The drawing as another hand might have made it: rotated, slanted, stretched and resampled
 * before rasterising, with a random pen; the preprocessing then fits and centres it as the app
 * does, so no image warp follows. Null if nothing drawable is left.
 */
function augmentedStrokes(strokes: readonly Stroke[], random: Random): Float32Array | null {
  return strokesToInput(augmentStrokes(strokes, random), randomPenWidth(random));
}
