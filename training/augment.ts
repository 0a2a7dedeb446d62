import { INPUT_SIZE } from '../src/constants';
import type { Random } from './random';

// Digits drawn with a mouse or a finger are more slanted, rotated, off-centre and thinner or
// bolder than MNIST's pen-on-paper digits; these perturbations teach the model to expect that.

export interface AugmentOptions {
  maxRotation: number; // radians
  minScale: number;
  maxScale: number;
  maxShear: number;
  maxShift: number; // pixels
  /** Probability of making the strokes bolder or thinner. */
  thicknessChance: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = {
  maxRotation: (12 * Math.PI) / 180,
  minScale: 0.85,
  maxScale: 1.1,
  maxShear: 0.25,
  maxShift: 2,
  thicknessChance: 0.3,
};

const SIZE = INPUT_SIZE;
const CENTRE = SIZE / 2;

/** Returns a randomly perturbed copy of a 28x28 image (0..1). */
export function augmentImage(
  image: Float32Array,
  random: Random,
  options: AugmentOptions = DEFAULT_AUGMENT,
): Float32Array {
  const angle = random.uniform(-options.maxRotation, options.maxRotation);
  const scale = random.uniform(options.minScale, options.maxScale);
  const shear = random.uniform(-options.maxShear, options.maxShear);
  const shiftX = random.uniform(-options.maxShift, options.maxShift);
  const shiftY = random.uniform(-options.maxShift, options.maxShift);
  let out = warp(image, angle, scale, shear, shiftX, shiftY);
  if (random.next() < options.thicknessChance) {
    out =
      random.next() < 0.6
        ? embolden(out, random.uniform(0.4, 1))
        : thin(out, random.uniform(0.3, 0.7));
  }
  return out;
}

/**
 * Affine warp about the image centre (rotation, scale, horizontal shear, shift), sampled
 * bilinearly through the inverse map so every output pixel gets a value.
 */
export function warp(
  image: Float32Array,
  angle: number,
  scale: number,
  shear: number,
  shiftX: number,
  shiftY: number,
): Float32Array {
  // Forward map: p' = R * S * Shear * p. Its inverse, applied to each output pixel centre.
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const a = cos / scale;
  const b = sin / scale;
  const out = new Float32Array(SIZE * SIZE);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      const dx = col + 0.5 - CENTRE - shiftX;
      const dy = row + 0.5 - CENTRE - shiftY;
      // Undo rotation and scale, then the shear x' = x + shear * y.
      const ry = -b * dx + a * dy;
      const rx = a * dx + b * dy - shear * ry;
      out[row * SIZE + col] = sample(image, rx + CENTRE - 0.5, ry + CENTRE - 0.5);
    }
  }
  return out;
}

function sample(image: Float32Array, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const at = (c: number, r: number) =>
    c < 0 || r < 0 || c >= SIZE || r >= SIZE ? 0 : image[r * SIZE + c]!;
  return (
    (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
    (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy
  );
}

/** Blends in a 3x3 maximum filter: strokes about one pixel bolder at amount 1. */
function embolden(image: Float32Array, amount: number): Float32Array {
  return blendNeighbourhood(image, amount, Math.max);
}

/** Blends in a 3x3 minimum filter: strokes thinner, as from a fine pen. */
function thin(image: Float32Array, amount: number): Float32Array {
  return blendNeighbourhood(image, amount, Math.min);
}

function blendNeighbourhood(
  image: Float32Array,
  amount: number,
  pick: (a: number, b: number) => number,
): Float32Array {
  const out = new Float32Array(SIZE * SIZE);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      let v = image[row * SIZE + col]!;
      for (const [dr, dc] of NEIGHBOURS) {
        const r = row + dr;
        const c = col + dc;
        v = pick(v, r < 0 || c < 0 || r >= SIZE || c >= SIZE ? 0 : image[r * SIZE + c]!);
      }
      const original = image[row * SIZE + col]!;
      out[row * SIZE + col] = original + (v - original) * amount;
    }
  }
  return out;
}

// The 4-neighbourhood: a cross thickens and thins more evenly than the full 3x3 square.
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
];
