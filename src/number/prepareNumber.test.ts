import { describe, expect, it } from 'vitest';
import { preprocess } from '../preprocess/preprocessing';
import type { Stroke } from '../strokes';
import { createInputCache, prepareNumber } from './prepareNumber';

const ONE: Stroke = [
  [0.5, 0.2],
  [0.5, 0.8],
];
const shifted = (stroke: Stroke, dx: number): Stroke => stroke.map(([x, y]) => [x + dx, y]);

describe('prepareNumber', () => {
  it('keys the drawing by its strokes and preprocessing, one input per candidate', () => {
    const second = shifted(ONE, 1);
    const prepared = prepareNumber([ONE, second], 'mnist');
    // The same strokes (as after lifting the pen) are the same drawing; a new one is not.
    expect(prepareNumber([ONE, second], 'mnist').key).toBe(prepared.key);
    expect(prepareNumber([ONE, shifted(ONE, 1)], 'mnist').key).not.toBe(prepared.key);
    expect(prepared.plan.groups).toHaveLength(2);
    // The two groups, then the whole drawing (segmentation.ts).
    expect(prepared.inputs).toHaveLength(3);
    expect(prepared.inputs[0]).toEqual(preprocess([ONE], 'mnist'));
    expect(prepared.inputs[2]).toEqual(preprocess([ONE, second], 'mnist'));
    expect(prepared.tiny).toEqual([false, false, false]);
    expect(prepared.preprocessMs).toBeGreaterThanOrEqual(0);
    expect(prepareNumber([ONE], 'crop').key).not.toBe(prepared.key);
  });

  it('has nothing to read without ink, and calls a dot among digits tiny', () => {
    expect(prepareNumber([], 'mnist').inputs).toEqual([]);
    expect(prepareNumber([[[0.5, 0.5]]], 'mnist').inputs).toEqual([]);
    const dot: Stroke = [[2.5, 0.8]];
    const scribble: Stroke = [
      [1.5, 0.5],
      [1.51, 0.52],
      [1.505, 0.5],
    ];
    const prepared = prepareNumber([ONE, dot, scribble], 'mnist');
    expect(prepared.plan.groups.map((g) => g.strokes)).toEqual([[0], [2], [1]]);
    // Last, the whole drawing: as large as its 1, so not tiny.
    expect(prepared.tiny).toEqual([false, true, true, false]);
    // The dot has no extent: read as a blank, tiny whatever the model says.
    expect(prepared.inputs[2]!.every((v) => v === 0)).toBe(true);
  });

  it('renders each group once while its strokes stay the same', () => {
    const cache = createInputCache();
    const first = prepareNumber([ONE], 'mnist', cache);
    const second = prepareNumber([ONE, shifted(ONE, 1)], 'mnist', cache);
    expect(second.inputs[0]).toBe(first.inputs[0]);
    // Another preprocessing is another input.
    const crop = prepareNumber([ONE], 'crop', cache);
    expect(crop.inputs[0]).not.toBe(first.inputs[0]);
    // Strokes with the same points but not the same strokes are rendered afresh, alike.
    const again = prepareNumber([shifted(ONE, 0)], 'mnist', cache);
    expect(again.inputs[0]).not.toBe(first.inputs[0]);
    expect(again.inputs[0]).toEqual(first.inputs[0]);
  });
});
