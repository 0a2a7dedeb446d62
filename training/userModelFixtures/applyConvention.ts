import type { Convention } from '../../src/usermodel/UserModel';

/**
 * The page's inputs (0..1, white digit on black, as MNIST) in the value range and polarity
 * `convention` names: the reference the fixtures are checked against, written apart from the
 * page's own code so the two can disagree.
 */
export function applyConvention(pixels: Float32Array, convention: Convention): Float32Array {
  const out = new Float32Array(pixels.length);
  const inverted = convention.polarity === 'black-on-white';
  for (let i = 0; i < pixels.length; i++) {
    const v = inverted ? 1 - pixels[i]! : pixels[i]!;
    out[i] = convention.range === '0..255' ? 255 * v : convention.range === '-1..1' ? 2 * v - 1 : v;
  }
  return out;
}

/**
 * A first dense layer's kernel ([inputs, units], row-major) and bias, rewritten to read
 * x_in where the original read x = scale * x_in + offset: W' = scale W, b' = b + offset colsum(W).
 * Summed in float64, so the folded layer gives the original's outputs to float32 rounding.
 */
export function foldInputAffine(
  kernel: Float32Array,
  bias: Float32Array,
  scale: number,
  offset: number,
): { kernel: Float32Array; bias: Float32Array } {
  const units = bias.length;
  const sums = new Float64Array(units);
  const folded = new Float32Array(kernel.length);
  for (let i = 0; i < kernel.length; i++) {
    sums[i % units]! += kernel[i]!;
    folded[i] = scale * kernel[i]!;
  }
  return { kernel: folded, bias: Float32Array.from(bias, (b, j) => b + offset * sums[j]!) };
}
