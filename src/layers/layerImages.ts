// Turns a layer's numbers into small RGBA images for the Layers panel: activations as
// grayscale (the input preview's white ink on black), weights and logits on a diverging scale.

/** Channel `channel` of a channels-last [height, width, channels] tensor, row by row. */
export function channelOf(
  values: ArrayLike<number>,
  [height, width, channels]: readonly [number, number, number],
  channel: number,
): Float32Array {
  const map = new Float32Array(height * width);
  for (let i = 0; i < map.length; i++) map[i] = values[i * channels + channel]!;
  return map;
}

/**
 * The weights filter `filter` applies to input channel `input`, a [height, width] tile, from a
 * convolution kernel laid out [height, width, input channels, filters].
 */
export function filterTile(
  kernel: ArrayLike<number>,
  [height, width, inputs, filters]: readonly [number, number, number, number],
  filter: number,
  input: number,
): Float32Array {
  const tile = new Float32Array(height * width);
  for (let i = 0; i < tile.length; i++) tile[i] = kernel[(i * inputs + input) * filters + filter]!;
  return tile;
}

/** The largest value, and 0 for none or all negative (a ReLU layer's silent map). */
export function peak(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  return max;
}

/** The largest magnitude: the scale of a diverging image. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]!));
  return max;
}

/**
 * Opaque grayscale RGBA: 0 (or less) black, `scale` and above white, on a square-root curve
 * so weak responses stay visible beside a layer's strongest. One scale for a whole layer keeps
 * its maps comparable: a dim map is a weak response, not a stretched one.
 */
export function grayImage(values: ArrayLike<number>, scale: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = scale > 0 ? 255 * Math.sqrt(Math.max(0, values[i]!) / scale) : 0;
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

// Both ends are readable on light and dark pages and apart for red-green colour blindness.
const NEGATIVE = [33, 102, 172] as const;
const ZERO = [128, 128, 128] as const;
const POSITIVE = [214, 96, 77] as const;

/** Opaque diverging RGBA: -scale blue, 0 gray, +scale red (clamped beyond). */
export function divergingImage(values: ArrayLike<number>, scale: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const t = scale > 0 ? Math.max(-1, Math.min(1, values[i]! / scale)) : 0;
    const end = t < 0 ? NEGATIVE : POSITIVE;
    const a = Math.abs(t);
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = ZERO[c]! + (end[c]! - ZERO[c]!) * a;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
