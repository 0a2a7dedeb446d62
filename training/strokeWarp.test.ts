import { describe, expect, it } from 'vitest';
import type { Point } from '../src/strokes';
import { slantX, warpAboutCentre, warpAboutOrigin, type Warp } from './strokeWarp';

const still: Warp = { angle: 0, slant: 0, aspect: 1 };
// Screen coordinates: y = -1 is above y = 1.
const top: Point = [0, -1];
const bottom: Point = [0, 1];

describe('the slant convention', () => {
  it('leans the top right for a positive slant, in both warps', () => {
    expect(slantX(0, -1, 0.2)).toBeCloseTo(0.2, 12);
    const slanted = { ...still, slant: 0.2 };
    for (const warp of [warpAboutOrigin(slanted), warpAboutCentre(slanted, [0, 0])]) {
      expect(warp(top)[0]).toBeGreaterThan(warp(bottom)[0]);
    }
  });
});

describe('warpAboutCentre', () => {
  it('keeps the ink area when stretching, and moves points back around the centre', () => {
    const warp = warpAboutCentre({ ...still, aspect: 4 }, [10, 20]);
    expect(warp([1, 1])).toEqual([12, 20.5]);
  });

  it('rotates clockwise on screen for a positive angle', () => {
    const [x, y] = warpAboutCentre({ ...still, angle: Math.PI / 2 }, [0, 0])([1, 0]);
    expect([x, y].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 1]);
  });
});

describe('warpAboutOrigin', () => {
  it('stretches x alone', () => {
    expect(warpAboutOrigin({ ...still, aspect: 2 })([3, 5])).toEqual([6, 5]);
  });
});
