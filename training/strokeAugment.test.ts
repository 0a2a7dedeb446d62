// Over 300 lines by its recorded fixtures: exact output coordinates of every augmentation path,
// which prettier writes one number per line; the tests themselves are short.
import { describe, expect, it } from 'vitest';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { boundsExtent, strokeBounds, type Bounds, type Stroke } from '../src/strokes';
import { Random } from './random';
import {
  asPenDrawing,
  augmentStrokes,
  DEFAULT_PEN_DRAWING,
  DEFAULT_STROKE_AUGMENT,
  randomPenWidth,
  type StrokeAugmentOptions,
} from './strokeAugment';
import { loadStrokeDigits } from './strokeDigits';
import { selectWriters } from './writers';

/** Every step switched off. */
const NONE: StrokeAugmentOptions = {
  maxRotation: 0,
  maxSlant: 0,
  minAspect: 1,
  maxAspect: 1,
  strokeOffset: 0,
  pointJitter: 0,
  resample: { minSpacing: 0, maxSpacing: 0 },
  minPenWidth: 2,
  maxPenWidth: 2,
};

// A 4 in two strokes, in tablet-like units: the open angle, then the upright.
const four: Stroke[] = [
  [
    [40, 0],
    [0, 70],
    [60, 70],
  ],
  [
    [50, 20],
    [50, 120],
  ],
];
const verticalLine: Stroke[] = [
  [
    [0, 0],
    [0, 100],
  ],
];
const horizontalLine: Stroke[] = [
  [
    [0, 0],
    [100, 0],
  ],
];
const square: Stroke[] = [
  [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
    [0, 0],
  ],
];

const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
const bounds = (strokes: readonly Stroke[]): Bounds => strokeBounds(strokes)!;
const width = (b: Bounds) => b.maxX - b.minX;
const height = (b: Bounds) => b.maxY - b.minY;

function expectClose(actual: readonly Stroke[], expected: readonly Stroke[]): void {
  expect(actual.map((s) => s.length)).toEqual(expected.map((s) => s.length));
  actual.forEach((stroke, i) =>
    stroke.forEach(([x, y], j) => {
      expect(x).toBeCloseTo(expected[i]![j]![0], 9);
      expect(y).toBeCloseTo(expected[i]![j]![1], 9);
    }),
  );
}

describe('augmentStrokes', () => {
  it('repeats the same drawing for the same seed, and another for another seed', () => {
    const a = augmentStrokes(four, new Random(5));
    expect(augmentStrokes(four, new Random(5))).toEqual(a);
    expect(augmentStrokes(four, new Random(6))).not.toEqual(a);
  });

  it('draws exactly what it drew for the shipped model (changing it means retraining)', () => {
    const random = new Random(5);
    const [first, second] = augmentStrokes(four, random);
    expect([first!.slice(0, 2), second!.slice(0, 2)]).toEqual([
      [
        [43.54617976058749, -0.16087048113695346],
        [43.09979532563264, 3.26089756586034],
      ],
      [
        [57.20551466162707, 14.20458525333352],
        [56.306031337100634, 22.922613113422386],
      ],
    ]);
    expect(randomPenWidth(random)).toBe(1.4936253580264747);
  });

  it('is the identity with every step off', () => {
    for (const seed of seeds.slice(0, 5)) {
      expectClose(augmentStrokes(four, new Random(seed), NONE), four);
    }
  });

  it('never mutates its input', () => {
    const frozen = four.map((s) => Object.freeze(s.map((p) => Object.freeze([...p] as const))));
    const before = structuredClone(frozen);
    augmentStrokes(Object.freeze(frozen), new Random(1));
    expect(frozen).toEqual(before);
  });

  it('slants a vertical line by at most maxSlant, either way, keeping its height', () => {
    const leans = seeds.map((seed) => {
      const [[top, bottom]] = augmentStrokes(verticalLine, new Random(seed), {
        ...NONE,
        maxSlant: 0.35,
      }) as [[[number, number], [number, number]]];
      expect(height(bounds([[top, bottom]]))).toBeCloseTo(100, 9);
      // The top's lean relative to the bottom, per unit of height.
      return (top[0] - bottom[0]) / 100;
    });
    expect(Math.max(...leans.map(Math.abs))).toBeLessThanOrEqual(0.35);
    expect(Math.min(...leans)).toBeLessThan(-0.1);
    expect(Math.max(...leans)).toBeGreaterThan(0.1);
  });

  it('rotates a line by at most maxRotation about its centre, keeping its length', () => {
    const maxRotation = (12 * Math.PI) / 180;
    const angles = seeds.map((seed) => {
      const [[a, b]] = augmentStrokes(horizontalLine, new Random(seed), {
        ...NONE,
        maxRotation,
      }) as [[[number, number], [number, number]]];
      expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeCloseTo(100, 9);
      expect((a[0] + b[0]) / 2).toBeCloseTo(50, 9);
      expect((a[1] + b[1]) / 2).toBeCloseTo(0, 9);
      return Math.atan2(b[1] - a[1], b[0] - a[0]);
    });
    expect(Math.max(...angles.map(Math.abs))).toBeLessThanOrEqual(maxRotation + 1e-12);
    expect(Math.min(...angles)).toBeLessThan(-0.05);
    expect(Math.max(...angles)).toBeGreaterThan(0.05);
  });

  it('stretches width against height by the aspect, keeping the area', () => {
    const b = bounds(
      augmentStrokes(square, new Random(1), { ...NONE, minAspect: 1.5, maxAspect: 1.5 }),
    );
    expect(width(b) / height(b)).toBeCloseTo(1.5, 9);
    expect(width(b) * height(b)).toBeCloseTo(100 * 100, 6);
    for (const seed of seeds) {
      const r = bounds(
        augmentStrokes(square, new Random(seed), { ...NONE, minAspect: 0.75, maxAspect: 1.25 }),
      );
      expect(width(r) / height(r)).toBeGreaterThanOrEqual(0.75 - 1e-9);
      expect(width(r) / height(r)).toBeLessThanOrEqual(1.25 + 1e-9);
    }
  });

  it('moves later strokes as a whole by at most strokeOffset of the size, the first not at all', () => {
    for (const seed of seeds) {
      const [first, second] = augmentStrokes(four, new Random(seed), {
        ...NONE,
        strokeOffset: 0.04,
      });
      expectClose([first!], [four[0]!]);
      const dx = second![0]![0] - 50;
      const dy = second![0]![1] - 20;
      // Size is the ink's longer side: 120 units high.
      expect(Math.abs(dx)).toBeLessThanOrEqual(0.04 * 120);
      expect(Math.abs(dy)).toBeLessThanOrEqual(0.04 * 120);
      expectClose([second!], [four[1]!.map(([x, y]) => [x + dx, y + dy] as const)]);
    }
  });

  it('leaves a single stroke where it is under strokeOffset', () => {
    expectClose(augmentStrokes(square, new Random(3), { ...NONE, strokeOffset: 0.5 }), square);
  });

  it('jitters each point by at most pointJitter of the size', () => {
    for (const seed of seeds.slice(0, 5)) {
      const [jittered] = augmentStrokes(square, new Random(seed), { ...NONE, pointJitter: 0.01 });
      jittered!.forEach(([x, y], i) => {
        expect(Math.abs(x - square[0]![i]![0])).toBeLessThanOrEqual(1);
        expect(Math.abs(y - square[0]![i]![1])).toBeLessThanOrEqual(1);
      });
    }
  });

  it('resamples along the line at the chosen spacing, keeping the endpoints', () => {
    const resample = { minSpacing: 0.05, maxSpacing: 0.05 };
    for (const seed of seeds) {
      const [line] = augmentStrokes(horizontalLine, new Random(seed), { ...NONE, resample });
      expect(line![0]).toEqual([0, 0]);
      expect(line!.at(-1)).toEqual([100, 0]);
      const gaps = line!.slice(1).map(([x, y], i) => {
        expect(y).toBe(0);
        return x - line![i]![0];
      });
      // Each step is the stroke's spacing (5 units) give or take 40%; the last may be longer.
      gaps.slice(0, -1).forEach((gap) => expect(gap).toBeGreaterThanOrEqual(3 - 1e-9));
      gaps.slice(0, -1).forEach((gap) => expect(gap).toBeLessThanOrEqual(7 + 1e-9));
      expect(gaps.at(-1)).toBeGreaterThan(0);
      expect(gaps.at(-1)).toBeLessThanOrEqual(7 + 1.25);
    }
  });

  it('keeps every stroke and endpoint through resampling, corners included', () => {
    const resample = { minSpacing: 0.02, maxSpacing: 0.08 };
    for (const seed of seeds) {
      const out = augmentStrokes(four, new Random(seed), { ...NONE, resample });
      expect(out).toHaveLength(2);
      out.forEach((stroke, i) => {
        expect(stroke[0]).toEqual(four[i]![0]);
        expect(stroke.at(-1)).toEqual(four[i]!.at(-1));
      });
    }
  });

  it('works the same in any units: scaling the input scales the output', () => {
    const scaled = four.map((s) => s.map(([x, y]) => [x * 10, y * 10] as const));
    for (const seed of seeds.slice(0, 5)) {
      const small = augmentStrokes(four, new Random(seed));
      const big = augmentStrokes(scaled, new Random(seed));
      expectClose(
        big.map((s) => s.map(([x, y]) => [x / 10, y / 10] as const)),
        small,
      );
    }
  });

  it('keeps empty strokes, skips non-finite points and returns finite points', () => {
    const messy: Stroke[] = [[], ...four, [[NaN, 3]]];
    const out = augmentStrokes(messy, new Random(2));
    expect(out.map((s) => s.length > 0)).toEqual([false, true, true, false]);
    expect(out.flat(2).every(Number.isFinite)).toBe(true);
  });

  it('returns a drawing without extent unchanged', () => {
    const dot: Stroke[] = [[[5, 5]]];
    expect(augmentStrokes(dot, new Random(1))).toEqual(dot);
    expect(augmentStrokes([], new Random(1))).toEqual([]);
  });

  it('falls back to the input when the options would collapse the drawing', () => {
    const collapse = { ...NONE, minAspect: 0, maxAspect: 0 };
    expect(augmentStrokes(four, new Random(1), collapse)).toEqual(four);
  });
});

describe('randomPenWidth', () => {
  it('stays within the options', () => {
    const random = new Random(4);
    for (let i = 0; i < 100; i++) {
      const pen = randomPenWidth(random);
      expect(pen).toBeGreaterThanOrEqual(DEFAULT_STROKE_AUGMENT.minPenWidth);
      expect(pen).toBeLessThan(DEFAULT_STROKE_AUGMENT.maxPenWidth);
    }
  });
});

describe('augmenting the training writers', () => {
  it('leaves 200 real digits drawable with the defaults', () => {
    // Training writers only: the held-out ones are for measurement alone.
    const train = selectWriters(loadStrokeDigits(), 'not-held-out');
    const step = Math.floor(train.length / 200);
    const random = new Random(11);
    for (let i = 0; i < 200; i++) {
      const digit = train[i * step]!;
      const augmented = augmentStrokes(digit.strokes, random);
      expect(augmented).toHaveLength(digit.strokes.length);
      expect(augmented.flat(2).every(Number.isFinite)).toBe(true);
      expect(strokesToInput(augmented, randomPenWidth(random))).not.toBeNull();
    }
  });
});

describe('asPenDrawing', () => {
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

  it('draws exactly what it drew for the shipped model (changing it means retraining)', () => {
    const a = asPenDrawing(plus, new Random(3));
    expect(a.map((s) => s.length)).toEqual([22, 23]);
    expect(a.map((s) => s.slice(0, 2))).toEqual([
      [
        [381.42411500420036, 279.141104871729],
        [385.5892678283806, 279.3728504468321],
      ],
      [
        [440.156788930331, 240.54781912925338],
        [438.6939185851876, 244.59663967560937],
      ],
    ]);
  });

  it('sizes the drawing within the options', () => {
    for (const seed of seeds.slice(0, 20)) {
      const size = boundsExtent(strokeBounds(asPenDrawing(plus, new Random(seed))));
      // Wobble may push a point a little past the sized box.
      expect(size).toBeGreaterThan(DEFAULT_PEN_DRAWING.minSize * 0.95);
      expect(size).toBeLessThan(DEFAULT_PEN_DRAWING.maxSize * 1.05);
    }
  });

  it('gives nothing for nothing', () => {
    expect(asPenDrawing([], new Random(1))).toEqual([]);
  });
});
