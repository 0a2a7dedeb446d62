import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../src/constants';
import { augmentImage, warp } from './augment';
import { Random } from './random';

describe('Random and augmentation', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('leaves an image unchanged under the identity warp', () => {
    const image = Float32Array.from({ length: INPUT_PIXELS }, (_, i) => ((i * 37) % 11) / 10);
    const same = warp(image, 0, 1, 0, 0, 0);
    for (let i = 0; i < INPUT_PIXELS; i++) expect(same[i]).toBeCloseTo(image[i]!, 5);
  });

  it('shifts by whole pixels exactly', () => {
    const image = new Float32Array(INPUT_PIXELS);
    image[10 * 28 + 10] = 1;
    const moved = warp(image, 0, 1, 0, 2, 1);
    expect(moved[11 * 28 + 12]).toBeCloseTo(1, 5);
  });

  it('is reproducible from the seed and keeps values in 0..1', () => {
    const image = new Float32Array(INPUT_PIXELS).fill(0);
    for (let r = 6; r < 22; r++) image[r * 28 + 14] = 1;
    const a = augmentImage(image, new Random(3));
    const b = augmentImage(image, new Random(3));
    expect(a).toEqual(b);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThanOrEqual(1 + 1e-6);
  });
});
