import { describe, expect, it } from 'vitest';
import {
  channelOf,
  divergingImage,
  filterTile,
  grayImage,
  largestMagnitude,
  peak,
} from './layerImages';

describe('channelOf', () => {
  it('takes one channel of a channels-last stack, row by row', () => {
    // [2, 2, 3]: value = 100 * row + 10 * column + channel.
    const values = [0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112];
    expect(Array.from(channelOf(values, [2, 2, 3], 1))).toEqual([1, 11, 101, 111]);
    expect(Array.from(channelOf(values, [2, 2, 3], 2))).toEqual([2, 12, 102, 112]);
  });
});

describe('filterTile', () => {
  it("takes a filter's weights on one input channel from [height, width, in, filters]", () => {
    // [2, 2, 2, 3]: value = 1000 * row + 100 * column + 10 * input + filter.
    const kernel: number[] = [];
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 2; c++)
        for (let i = 0; i < 2; i++)
          for (let f = 0; f < 3; f++) kernel.push(1000 * r + 100 * c + 10 * i + f);
    expect(Array.from(filterTile(kernel, [2, 2, 2, 3], 2, 1))).toEqual([12, 112, 1012, 1112]);
    expect(Array.from(filterTile(kernel, [2, 2, 2, 3], 0, 0))).toEqual([0, 100, 1000, 1100]);
  });
});

describe('peak and largestMagnitude', () => {
  it('give the strongest activation (0 for a silent map) and the largest magnitude', () => {
    expect(peak([0, 0.5, 2, 1])).toBe(2);
    expect(peak([-3, -1])).toBe(0);
    expect(peak([])).toBe(0);
    expect(largestMagnitude([1, -4, 3])).toBe(4);
  });
});

describe('grayImage', () => {
  it('draws 0 black and the scale white, opaque, on a square-root curve', () => {
    const rgba = grayImage([0, 1, 4, 8, -2], 4);
    const pixel = (i: number) => Array.from(rgba.subarray(i * 4, i * 4 + 4));
    expect(pixel(0)).toEqual([0, 0, 0, 255]);
    expect(pixel(1)).toEqual([128, 128, 128, 255]); // sqrt(1/4) of 255, rounded
    expect(pixel(2)).toEqual([255, 255, 255, 255]);
    expect(pixel(3)).toEqual([255, 255, 255, 255]); // above the scale: clamped
    expect(pixel(4)).toEqual([0, 0, 0, 255]); // below zero: black
  });

  it('draws a silent layer (scale 0) black, not NaN', () => {
    expect(Array.from(grayImage([0, 0], 0))).toEqual([0, 0, 0, 255, 0, 0, 0, 255]);
  });
});

describe('divergingImage', () => {
  it('draws -scale blue, 0 gray and +scale red', () => {
    const rgba = divergingImage([-2, 0, 2, 1, 5], 2);
    const pixel = (i: number) => Array.from(rgba.subarray(i * 4, i * 4 + 4));
    expect(pixel(0)).toEqual([33, 102, 172, 255]);
    expect(pixel(1)).toEqual([128, 128, 128, 255]);
    expect(pixel(2)).toEqual([214, 96, 77, 255]);
    expect(pixel(3)).toEqual([171, 112, 102, 255]); // halfway to red (102.5 rounds to even)
    expect(pixel(4)).toEqual([214, 96, 77, 255]); // beyond the scale: clamped
  });
});
