import { describe, expect, it } from 'vitest';
import { padCoordinates } from './padCoordinates';

const rect = { left: 100, top: 50, width: 200, height: 200 };

describe('padCoordinates', () => {
  it('maps the corners and centre of the pad to 0..1', () => {
    expect(padCoordinates(100, 50, rect)).toEqual([0, 0]);
    expect(padCoordinates(300, 250, rect)).toEqual([1, 1]);
    expect(padCoordinates(200, 150, rect)).toEqual([0.5, 0.5]);
    expect(padCoordinates(150, 200, rect)).toEqual([0.25, 0.75]);
  });

  it('keeps points outside the pad', () => {
    expect(padCoordinates(50, 350, rect)).toEqual([-0.25, 1.5]);
  });

  it('measures both axes in pad heights, so a wide pad runs past 1 in x', () => {
    expect(padCoordinates(600, 100, { left: 0, top: 0, width: 1000, height: 400 })).toEqual([
      1.5, 0.25,
    ]);
  });
});
