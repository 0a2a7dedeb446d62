import { describe, expect, it } from 'vitest';
import type { MapLayer } from '../model/forwardModel';
import { layerViews } from './layerViews';

const conv: MapLayer = {
  name: 'conv1',
  className: 'Conv2D',
  shape: [2, 2, 3],
  kernelSize: [5, 5],
  strides: [2, 2],
};
const pool: MapLayer = {
  name: 'pool1',
  className: 'MaxPooling2D',
  shape: [1, 1, 3],
  kernelSize: [2, 2],
  strides: [2, 2],
};
const model = {
  maps: [conv, pool],
  featuresLayer: { name: 'flatten', size: 3 },
  logitsName: 'dense_1',
};
const outputs = {
  // channel c at (r, col) = c + 3 * (2 * r + col) / 10
  maps: [
    Float32Array.from({ length: 12 }, (_, i) => (i % 3) + Math.floor(i / 3) * 0.3),
    Float32Array.of(0, 0, 5),
  ],
  features: Float32Array.of(0, 0, 5),
  logits: [1, -2, 0, 0, 0, 0, 0, 0, 0, 3],
};

describe('layerViews', () => {
  it('lists the map layers, then the features, then the logits, with their shapes', () => {
    const views = layerViews(model, outputs);
    expect(views.map((v) => [v.name, v.kind, v.shape])).toEqual([
      ['conv1', 'maps', '2x2x3'],
      ['pool1', 'maps', '1x1x3'],
      ['flatten', 'features', '3'],
      ['dense_1', 'logits', '10'],
    ]);
    expect(views.map((v) => v.detail.split(',')[0])).toEqual([
      '3 filters 5x5',
      'max pooling 2x2',
      'the 3 penultimate features every output reads: a row per position',
      'the ten digit logits',
    ]);
  });

  it('gives one image per channel, one scale per layer, and each map its peak', () => {
    const [conv1] = layerViews(model, outputs);
    expect(conv1!.images).toHaveLength(3);
    expect(conv1!.images.map((im) => [im.width, im.height])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    expect(Array.from(conv1!.images[1]!.values)).toEqual(
      [1, 1.3, 1.6, 1.9].map((v) => Math.fround(v)),
    );
    expect(conv1!.images.map((im) => im.peak)).toEqual([0.9, 1.9, 2.9].map(Math.fround));
    expect(conv1!.scale).toBe(Math.fround(2.9));
    expect(conv1!.map).toBe(conv);
  });

  it('lays the features out a column per channel of the last map layer, padding the last row', () => {
    const views = layerViews(
      { ...model, maps: [conv], featuresLayer: { name: 'flatten', size: 7 } },
      { ...outputs, maps: [outputs.maps[0]!], features: Float32Array.of(1, 2, 3, 4, 5, 6, 7) },
    );
    const features = views[1]!;
    // 7 is not a multiple of 3 channels: a near-square layout instead, 3 wide.
    expect([features.images[0]!.width, features.images[0]!.height]).toEqual([3, 3]);
    expect(Array.from(features.images[0]!.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 0, 0]);
    expect(features.scale).toBe(7);
  });

  it('scales the logits by their largest magnitude, negatives included', () => {
    const logits = layerViews(model, { ...outputs, logits: [1, -6, 0, 0, 0, 0, 0, 0, 0, 3] })[3]!;
    expect(logits.images[0]!.width).toBe(10);
    expect(logits.scale).toBe(6);
  });
});
