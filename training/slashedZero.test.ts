import { describe, expect, it } from 'vitest';
import { strokeBounds, type Stroke } from '../src/strokes';
import { Random } from './random';
import { addSlash, SLASH } from './slashedZero';
import { arc } from './strokeGeometry';

const zero: Stroke[] = [arc([50, 50], 20, 30, 0, 2 * Math.PI)];

describe('addSlash', () => {
  it('adds one straight stroke through the zero, keeping the zero as drawn', () => {
    const slashed = addSlash(zero, new Random(1));
    expect(slashed).toHaveLength(2);
    expect(slashed[0]).toBe(zero[0]);
    const slash = slashed[1]!;
    expect(slash).toHaveLength(2);
    const [[x0, y0], [x1, y1]] = slash as [[number, number], [number, number]];
    // Through the loop's middle: the midpoint within the allowed offset of the centre.
    expect(Math.abs((x0 + x1) / 2 - 50)).toBeLessThanOrEqual(SLASH.offCentre * 40 + 1e-9);
    expect(Math.abs((y0 + y1) / 2 - 50)).toBeLessThanOrEqual(SLASH.offCentre * 60 + 1e-9);
    const length = Math.hypot(x1 - x0, y1 - y0);
    expect(length).toBeGreaterThanOrEqual(SLASH.minLength * 60 - 1e-9);
    expect(length).toBeLessThanOrEqual(SLASH.maxLength * 60 + 1e-9);
  });

  it('draws mostly forward slashes (/), steep, written upwards', () => {
    let forward = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const [[x0, y0], [x1, y1]] = addSlash(zero, new Random(seed))[1] as [
        [number, number],
        [number, number],
      ];
      const degrees = (Math.atan2(Math.abs(y1 - y0), Math.abs(x1 - x0)) * 180) / Math.PI;
      expect(degrees).toBeGreaterThanOrEqual(SLASH.minAngle - 1e-6);
      expect(degrees).toBeLessThanOrEqual(SLASH.maxAngle + 1e-6);
      // A forward slash written from its lower-left end: it goes right and up (y down).
      if (x1 > x0 && y1 < y0) forward++;
    }
    expect(forward / 200).toBeGreaterThan(0.8);
    expect(forward / 200).toBeLessThan(1);
  });

  it('is the same for the same random stream, and leaves an empty drawing alone', () => {
    expect(addSlash(zero, new Random(7))).toEqual(addSlash(zero, new Random(7)));
    expect(addSlash([], new Random(7))).toEqual([]);
    expect(strokeBounds(addSlash(zero, new Random(3)))).not.toBeNull();
  });
});
