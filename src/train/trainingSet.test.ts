import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import {
  batchOf,
  holdOutOnePerDigit,
  seededRandom,
  shuffledOrder,
  trainingSet,
  validationImages,
} from './trainingSet';

const mnist = (count: number) => ({
  images: Uint8Array.from({ length: count * INPUT_PIXELS }, (_, i) => Math.floor(i / INPUT_PIXELS)),
  labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  count,
});
const drawing = (value: number) => new Float32Array(INPUT_PIXELS).fill(value);

describe('trainingSet', () => {
  it('trains on all but the validation tail, or on the first `limit` images', () => {
    const data = mnist(30);
    expect(trainingSet(data, { limit: null, personal: null }, 10)).toMatchObject({
      mnistCount: 20,
      size: 20,
    });
    expect(trainingSet(data, { limit: 5, personal: null }, 10).mnistCount).toBe(5);
    expect(trainingSet(data, { limit: 500, personal: null }, 10).mnistCount).toBe(20);
    const validation = validationImages(data, 10);
    expect(validation.count).toBe(10);
    expect(validation.images[0]).toBe(20);
    expect(Array.from(validation.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("repeats the person's kept drawings `weight` times after MNIST's images", () => {
    const personal = { inputs: [drawing(0.5), drawing(0.25)], labels: [3, 8], weight: 3 };
    const set = trainingSet(mnist(30), { limit: 4, personal }, 10);
    expect(set).toMatchObject({ mnistCount: 4, repeats: 3, size: 4 + 2 * 3 });
    const { pixels, labels } = batchOf(set, [1, 4, 5, 9]);
    expect(Array.from(labels)).toEqual([1, 3, 8, 8]);
    expect(pixels[0]).toBeCloseTo(1 / 255);
    expect(pixels[INPUT_PIXELS]).toBe(0.5);
    expect(pixels[3 * INPUT_PIXELS + 783]).toBe(0.25);
  });
});

describe('holdOutOnePerDigit', () => {
  it('holds out the newest drawing of each digit drawn twice or more', () => {
    const drawings = {
      inputs: [0, 1, 2, 3, 4].map(drawing),
      labels: [2, 2, 6, 2, 9],
    };
    const { kept, heldOut } = holdOutOnePerDigit(drawings);
    expect(kept.labels).toEqual([2, 2, 6, 9]);
    expect(heldOut.labels).toEqual([2]);
    expect(heldOut.inputs[0]![0]).toBe(3);
  });
});

describe('shuffledOrder', () => {
  it('is a permutation, the same for the same seed', () => {
    const order = shuffledOrder(100, seededRandom(7));
    expect([...order].sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(order).toEqual(shuffledOrder(100, seededRandom(7)));
    expect(order).not.toEqual(shuffledOrder(100, seededRandom(8)));
  });
});
