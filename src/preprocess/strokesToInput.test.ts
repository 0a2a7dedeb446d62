import { describe, expect, it } from 'vitest';
import { CENTRE_OF_MASS, DIGIT_BOX, INPUT_PIXELS, INPUT_SIZE, PEN_WIDTH } from '../constants';
import { inkBox } from './inkBox';
import { centreOfMass } from './renderStrokes';
import type { Stroke } from '../strokes';
import { strokesToInput } from './strokesToInput';

const transform = (strokes: Stroke[], scale: number, dx: number, dy: number): Stroke[] =>
  strokes.map((s) => s.map(([x, y]) => [x * scale + dx, y * scale + dy] as const));

// A "7": a top bar and a diagonal, as a person would draw it on a 300-pixel pad.
const SEVEN: Stroke[] = [
  [
    [100, 80],
    [200, 80],
    [140, 240],
  ],
];

describe('strokesToInput', () => {
  it('gives no input for an empty drawing, empty strokes or a single dot', () => {
    expect(strokesToInput([])).toBeNull();
    expect(strokesToInput([[]])).toBeNull();
    expect(strokesToInput([[[50, 50]]])).toBeNull();
    expect(
      strokesToInput([
        [
          [50, 50],
          [50, 50],
        ],
        [[50, 50]],
      ]),
    ).toBeNull();
  });

  it('returns 28x28 values in 0..1', () => {
    const input = strokesToInput(SEVEN)!;
    expect(input).toHaveLength(INPUT_PIXELS);
    expect(Math.min(...input)).toBe(0);
    expect(Math.max(...input)).toBeLessThanOrEqual(1);
    expect(Math.max(...input)).toBeGreaterThan(0.9);
  });

  it('scales the longer side of the ink to the 20-pixel box', () => {
    const tall = strokesToInput([
      [
        [10, 0],
        [10, 500],
      ],
    ])!;
    const { height } = inkBox(tall);
    // Centreline of DIGIT_BOX - PEN_WIDTH plus the pen on both ends; the partly covered
    // edge pixels may add one pixel at each end.
    expect(height).toBeGreaterThanOrEqual(DIGIT_BOX - 1);
    expect(height).toBeLessThanOrEqual(DIGIT_BOX + 2);
  });

  it('keeps the aspect ratio: a vertical line stays a thin line', () => {
    const one = strokesToInput([
      [
        [40, 0],
        [40, 300],
      ],
    ])!;
    const { width, height } = inkBox(one);
    expect(width).toBeLessThanOrEqual(Math.ceil(PEN_WIDTH) + 2);
    expect(height).toBeGreaterThanOrEqual(DIGIT_BOX - 1);
    const wide = strokesToInput([
      [
        [0, 0],
        [400, 0],
        [400, 200],
      ],
    ])!;
    const extent = inkBox(wide);
    expect(extent.width).toBeGreaterThan(extent.height * 1.5);
  });

  it('puts the centre of mass at MNIST position', () => {
    for (const strokes of [
      SEVEN,
      [
        [
          [0, 0],
          [30, 200],
          [300, 210],
        ],
      ] as Stroke[],
    ]) {
      const mass = centreOfMass(strokesToInput(strokes)!, INPUT_SIZE)!;
      expect(mass.x).toBeCloseTo(CENTRE_OF_MASS, 1);
      expect(mass.y).toBeCloseTo(CENTRE_OF_MASS, 1);
    }
  });

  it('gives the same input for a small and a large drawing of the same shape anywhere', () => {
    const big = strokesToInput(transform(SEVEN, 3, 500, -40))!;
    const small = strokesToInput(transform(SEVEN, 0.2, 7, 13))!;
    const reference = strokesToInput(SEVEN)!;
    for (let i = 0; i < INPUT_PIXELS; i++) {
      expect(big[i]).toBeCloseTo(reference[i]!, 4);
      expect(small[i]).toBeCloseTo(reference[i]!, 4);
    }
  });

  it('draws a pen width that does not depend on the drawing size', () => {
    const ink = (s: Stroke[]) => strokesToInput(s)!.reduce((a, b) => a + b, 0);
    expect(ink(transform(SEVEN, 5, 0, 0))).toBeCloseTo(ink(SEVEN), 3);
  });

  it('draws bolder strokes with a wider pen (training uses this)', () => {
    const ink = (w: number) => strokesToInput(SEVEN, w)!.reduce((a, b) => a + b, 0);
    expect(ink(3)).toBeGreaterThan(ink(2) * 1.3);
  });

  it('ignores non-finite points instead of corrupting the image', () => {
    const input = strokesToInput([
      [
        [0, 0],
        [Number.NaN, 4],
        [0, 100],
      ],
    ])!;
    expect(input.every(Number.isFinite)).toBe(true);
  });
});
