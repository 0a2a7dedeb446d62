import { describe, expect, it } from 'vitest';
import { cellKey, cellLabel, grayRgba, moveInGrid, rowShare } from './confusionGrid';

describe('confusion cells', () => {
  const confusion = [
    [8, 2],
    [0, 0],
  ];

  it('shade by their share of the true digit row', () => {
    expect(rowShare(confusion, 0, 1)).toBe(0.2);
    expect(rowShare(confusion, 1, 1)).toBe(0);
    expect(rowShare(confusion, 5, 0)).toBe(0);
  });

  it('say what they count', () => {
    expect(cellKey(4, 9)).toBe('4,9');
    expect(cellLabel(4, 9, 1)).toBe('4 read as 9: 1 test image');
    expect(cellLabel(7, 7, 1012)).toBe('7 read right: 1,012 test images');
  });
});

describe('moveInGrid', () => {
  it('moves by arrows within the grid, Home and End along the row', () => {
    expect(moveInGrid([3, 3], 'ArrowUp', 10)).toEqual([2, 3]);
    expect(moveInGrid([3, 3], 'ArrowRight', 10)).toEqual([3, 4]);
    expect(moveInGrid([0, 0], 'ArrowLeft', 10)).toEqual([0, 0]);
    expect(moveInGrid([9, 2], 'ArrowDown', 10)).toEqual([9, 2]);
    expect(moveInGrid([4, 5], 'Home', 10)).toEqual([4, 0]);
    expect(moveInGrid([4, 5], 'End', 10)).toEqual([4, 9]);
    expect(moveInGrid([4, 5], 'Enter', 10)).toBeNull();
  });
});

describe('grayRgba', () => {
  it('turns gray values into opaque gray pixels', () => {
    expect(Array.from(grayRgba(Uint8Array.of(0, 200)))).toEqual([0, 0, 0, 255, 200, 200, 200, 255]);
  });
});
