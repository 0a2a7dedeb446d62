import { describe, expect, it } from 'vitest';
import { accuracyDomain, linearScale, linePath, lossDomain, niceTicks, thin } from './chartScale';

describe('linearScale', () => {
  it('maps a domain onto a range, flipped for SVG y', () => {
    const y = linearScale([0, 1], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(0.25)).toBe(75);
    expect(y(1)).toBe(0);
  });

  it('maps a zero-width domain to the middle', () => {
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0.6, 1, 4)).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    expect(niceTicks(0, 2.3, 4)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 5, 5)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives the one value of an empty domain', () => {
    expect(niceTicks(2, 2)).toEqual([2]);
  });
});

describe('thin', () => {
  it('keeps short series as they are', () => {
    const points = [{ x: 0, y: 1 }];
    expect(thin(points, 5)).toEqual(points);
  });

  it('averages runs of neighbours down to the maximum', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ x: i, y: i % 2 }));
    expect(thin(points, 2)).toEqual([
      { x: 2, y: 0.4 },
      { x: 7, y: 0.6 },
    ]);
    expect(thin(points, 3)).toHaveLength(3);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws to the rest, skipping non-finite ones', () => {
    const path = linePath(
      [
        { x: 0, y: 0 },
        { x: 1, y: Number.NaN },
        { x: 2, y: 1 },
      ],
      (x) => x * 10,
      (y) => 100 - y * 100,
    );
    expect(path).toBe('M0.0,100.0L20.0,0.0');
  });
});

describe('domains', () => {
  it('runs loss from 0 to a round value above the largest', () => {
    expect(lossDomain([2.31, 0.5])).toEqual([0, 3]);
    expect(lossDomain([0.4, 0.2])).toEqual([0, 0.4]);
    expect(lossDomain([])).toEqual([0, 0.1]);
    expect(lossDomain([Number.NaN, 0.05])).toEqual([0, 0.1]);
  });

  it('runs accuracy from a tenth below the lowest to 1', () => {
    expect(accuracyDomain([0.93, 0.97])).toEqual([0.9, 1]);
    expect(accuracyDomain([0.08, 0.5])).toEqual([0, 1]);
    expect(accuracyDomain([])).toEqual([0, 1]);
  });
});
