import { describe, expect, it } from 'vitest';
import { prepareInput } from './prepareInput';
import { preprocess } from './preprocessing';
import type { Stroke } from '../strokes';

const ONE: Stroke[] = [
  [
    [0.5, 0.2],
    [0.5, 0.8],
  ],
];

describe('prepareInput', () => {
  it('keys the input by drawing version and preprocessing, timing the preprocessing', () => {
    const prepared = prepareInput(ONE, 'crop', 7);
    expect(prepared.key).toBe('7/crop');
    expect(prepared.input).toEqual(preprocess(ONE, 'crop'));
    expect(prepared.preprocessMs).toBeGreaterThanOrEqual(0);
    // Another preprocessing of the same drawing is another input to predict.
    expect(prepareInput(ONE, 'naive', 7).key).not.toBe(prepared.key);
    expect(prepareInput([], 'mnist', 8).input).toBeNull();
  });

  it('marks a drawing under 4% of the pad as tiny (a dot or a tap), still with an input', () => {
    expect(prepareInput(ONE, 'mnist', 1).tiny).toBe(false);
    const tap: Stroke[] = [
      [
        [0.5, 0.5],
        [0.51, 0.52],
        [0.505, 0.5],
      ],
    ];
    const prepared = prepareInput(tap, 'mnist', 2);
    expect(prepared.tiny).toBe(true);
    expect(prepared.input).not.toBeNull();
    expect(
      prepareInput(
        [
          [
            [0.1, 0.1],
            [0.16, 0.1],
          ],
        ],
        'mnist',
        3,
      ).tiny,
    ).toBe(false);
  });
});
