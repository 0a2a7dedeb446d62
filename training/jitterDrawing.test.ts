import { describe, expect, it } from 'vitest';
import { strokeBounds, type Stroke } from '../src/strokes';
import { DEFAULT_JITTER, jitterDrawing, resampleStroke } from './jitterDrawing';
import { Random } from './random';

describe('resampleStroke', () => {
  it('samples every `spacing` and keeps the end', () => {
    expect(
      resampleStroke(
        [
          [0, 0],
          [10, 0],
        ],
        3,
      ),
    ).toEqual([
      [0, 0],
      [3, 0],
      [6, 0],
      [9, 0],
      [10, 0],
    ]);
  });

  it('keeps a sharp corner and restarts the count there', () => {
    const corner: Stroke = [
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    expect(resampleStroke(corner, 4)).toEqual([
      [0, 0],
      [4, 0],
      [8, 0],
      [10, 0],
      [10, 4],
      [10, 8],
      [10, 10],
    ]);
  });

  it('walks on through a gentle bend', () => {
    const bend: Stroke = [
      [0, 0],
      [4, 0],
      [8, 3],
    ];
    const expected = [0, 0, 3, 0, 4 + 0.8 * 2, 0.6 * 2, 8, 3];
    expect(resampleStroke(bend, 3).flat()).toEqual(expected.map((v) => expect.closeTo(v, 9)));
  });

  it('leaves a dot and a zero spacing alone', () => {
    expect(resampleStroke([[1, 2]], 3)).toEqual([[1, 2]]);
    const line: Stroke = [
      [0, 0],
      [10, 0],
    ];
    expect(resampleStroke(line, 0)).toBe(line);
  });
});

describe('jitterDrawing', () => {
  const plus: Stroke[] = [
    [
      [-1, 0],
      [1, 0],
    ],
    [
      [0, -1],
      [0, 1],
    ],
  ];

  it('is reproducible from the seed and keeps the strokes', () => {
    const a = jitterDrawing(plus, new Random(3));
    expect(a).toEqual(jitterDrawing(plus, new Random(3)));
    expect(a).toHaveLength(2);
    expect(a[0]!.length).toBeGreaterThan(10);
  });

  it('sizes the drawing within the options', () => {
    for (let seed = 0; seed < 20; seed++) {
      const b = strokeBounds(jitterDrawing(plus, new Random(seed)))!;
      const size = Math.max(b.maxX - b.minX, b.maxY - b.minY);
      // Wobble may push a point a little past the sized box.
      expect(size).toBeGreaterThan(DEFAULT_JITTER.minSize * 0.95);
      expect(size).toBeLessThan(DEFAULT_JITTER.maxSize * 1.05);
    }
  });
});
