import { describe, expect, it } from 'vitest';
import { INPUT_SIZE } from '../constants';
import { inkBox } from './inkBox';
import { centreOfMass } from './renderStrokes';
import { parsePreprocessing, preprocess, PREPROCESSING } from './preprocessing';
import type { Stroke } from '../strokes';
import { strokesToInput } from './strokesToInput';

const ink = (image: Float32Array) => image.reduce((a, b) => a + b, 0);
/** A "1" drawn as a vertical line from (x, top) to (x, top + length), in pad units. */
const line = (x: number, top: number, length: number): Stroke[] => [
  [
    [x, top],
    [x, top + length],
  ],
];
// An "L": its ink mass sits low and left of its bounding box's centre.
const ELL: Stroke[] = [
  [
    [0.3, 0.2],
    [0.3, 0.8],
    [0.6, 0.8],
  ],
];

describe('preprocess', () => {
  it('agrees in every mode on what is empty: nothing, or a single dot', () => {
    for (const mode of PREPROCESSING) {
      expect(preprocess([], mode)).toBeNull();
      expect(preprocess([[[0.5, 0.5]]], mode)).toBeNull();
      expect(preprocess(ELL, mode)).toHaveLength(INPUT_SIZE * INPUT_SIZE);
    }
  });

  it('mnist is the app pipeline itself', () => {
    expect(preprocess(ELL, 'mnist')).toEqual(strokesToInput(ELL));
  });

  it('naive keeps the drawing where and as big as it was on the pad', () => {
    // A short line in the top-left corner stays a short line in the top-left corner.
    const { minCol, maxCol, minRow, maxRow } = inkBox(preprocess(line(0.2, 0.1, 0.2), 'naive')!);
    expect(maxCol).toBeLessThan(8);
    expect(minRow).toBeGreaterThanOrEqual(2);
    expect(maxRow).toBeLessThanOrEqual(9);
    expect(maxCol - minCol).toBeLessThanOrEqual(2);
  });

  it('crop fills the image with the ink whatever its size or place on the pad', () => {
    for (const stroke of [line(0.2, 0.1, 0.2), line(0.7, 0.3, 0.6)]) {
      const { minRow, maxRow } = inkBox(preprocess(stroke, 'crop')!);
      expect(minRow).toBeLessThanOrEqual(1);
      expect(maxRow).toBeGreaterThanOrEqual(INPUT_SIZE - 2);
    }
  });

  it('crop keeps the pen as drawn: a small drawing gets thicker ink than a large one', () => {
    const small = ink(preprocess(line(0.5, 0.4, 0.1), 'crop')!);
    const large = ink(preprocess(line(0.5, 0.1, 0.8), 'crop')!);
    expect(small).toBeGreaterThan(large * 3);
    // mnist draws with one pen width whatever the size.
    const mnistSmall = ink(preprocess(line(0.5, 0.4, 0.1), 'mnist')!);
    const mnistLarge = ink(preprocess(line(0.5, 0.1, 0.8), 'mnist')!);
    expect(mnistSmall).toBeCloseTo(mnistLarge, 3);
  });

  it('crop centres the bounding box, mnist the centre of mass', () => {
    const crop = centreOfMass(preprocess(ELL, 'crop')!, INPUT_SIZE)!;
    const mnist = centreOfMass(preprocess(ELL, 'mnist')!, INPUT_SIZE)!;
    expect(mnist.x).toBeCloseTo(14.5, 0);
    expect(mnist.y).toBeCloseTo(14.5, 0);
    expect(crop.x).toBeLessThan(13);
    expect(crop.y).toBeGreaterThan(16);
  });
});

describe('parsePreprocessing', () => {
  it('accepts the known modes only', () => {
    expect(parsePreprocessing('naive')).toBe('naive');
    expect(parsePreprocessing('crop')).toBe('crop');
    expect(parsePreprocessing('NAIVE')).toBeNull();
    expect(parsePreprocessing('')).toBeNull();
    expect(parsePreprocessing(null)).toBeNull();
  });
});
