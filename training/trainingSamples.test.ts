import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../src/constants';
import type { DigitSet } from './mnist';
import { augmentImage } from './augment';
import { bytesToFloats } from './predict';
import { Random } from './random';
import { epochSamples, makeBatch, type Sample, type SampleOptions } from './trainingSamples';
import type { StrokeDigit } from './strokeDigits';

// Two MNIST-like images: a filled square and a vertical bar, off centre.
function tinyMnist(): DigitSet {
  const images = new Uint8Array(2 * INPUT_PIXELS);
  for (let row = 6; row < 14; row++) {
    for (let col = 6; col < 14; col++) images[row * 28 + col] = 255;
    images[INPUT_PIXELS + row * 28 + 20] = 200;
  }
  return { images, labels: Uint8Array.from([0, 1]), count: 2 };
}

const BATCH: Sample[] = Array.from({ length: 40 }, (_, i) => ({ kind: 'mnist', index: i % 2 }));

/** How many of the batch's images are the MNIST bytes exactly (/255), unwarped. */
function unwarped(mnist: DigitSet, options: SampleOptions): number {
  const { images, labels } = makeBatch(BATCH, mnist, options, new Random(3));
  let same = 0;
  BATCH.forEach((sample, i) => {
    if (sample.kind !== 'mnist') return;
    expect(labels[i]).toBe(mnist.labels[sample.index]);
    const at = sample.index * INPUT_PIXELS;
    const image = images.subarray(i * INPUT_PIXELS, (i + 1) * INPUT_PIXELS);
    if (image.every((v, p) => Math.abs(v - mnist.images[at + p]! / 255) < 1e-6)) same++;
  });
  return same;
}

describe('MNIST samples (--mnist-clean)', () => {
  const base = { strokeRepeats: 0, strokeAugment: true };

  it('warps every MNIST image by default', () => {
    expect(unwarped(tinyMnist(), base)).toBe(0);
  });

  it('serves every image as it is at share 1', () => {
    expect(unwarped(tinyMnist(), { ...base, mnistClean: 1 })).toBe(BATCH.length);
  });

  it('serves about that share unwarped in between', () => {
    const same = unwarped(tinyMnist(), { ...base, mnistClean: 0.5 });
    expect(same).toBeGreaterThan(10);
    expect(same).toBeLessThan(30);
  });
});

describe('MNIST samples at the default share', () => {
  it('draw the same random numbers as before --mnist-clean existed', () => {
    // Share 0 must not consume a number: the augmentation then matches augmentImage called
    // directly with the same seed, so existing recipes reproduce their models.
    const mnist = tinyMnist();
    const { images } = makeBatch(
      BATCH.slice(0, 1),
      mnist,
      { strokeRepeats: 0, strokeAugment: true },
      new Random(5),
    );
    const direct = augmentImage(
      bytesToFloats(mnist.images.subarray(0, INPUT_PIXELS)),
      new Random(5),
    );
    expect(Array.from(images)).toEqual(Array.from(direct));
  });
});

describe('epochSamples with a second stroke source (--unipen)', () => {
  const digit = (writer: string, label: number): StrokeDigit => ({
    label,
    writer,
    index: 0,
    strokes: [
      [
        [0, 0],
        [0, 10],
      ],
    ],
  });
  const pen = Array.from({ length: 20 }, (_, i) => digit('tra-1', i % 10));
  const unipen = Array.from({ length: 30 }, (_, i) => digit('unipen-x/y', i % 10));
  const options = { strokeRepeats: 1.5, strokeAugment: true };
  const mnist = tinyMnist();

  it('adds each of its digits about `repeats` times', () => {
    const samples = epochSamples(mnist, pen, [], options, new Random(1), [
      { digits: unipen, repeats: 2 },
    ]);
    const fromUnipen = samples.filter((s) => s.kind === 'strokes' && s.digit.writer !== 'tra-1');
    expect(fromUnipen).toHaveLength(60);
  });

  it('leaves a run without it exactly as before', () => {
    const before = epochSamples(mnist, pen, [], options, new Random(1));
    const after = epochSamples(mnist, pen, [], options, new Random(1), []);
    expect(after).toEqual(before);
  });
});

describe('stroke zeros (--slashed-zeros)', () => {
  // A zero drawn as a ring: its slashed form has ink at the ring's centre, the plain one none.
  const ring: StrokeDigit = {
    label: 0,
    writer: 'tra-1',
    index: 0,
    strokes: [
      Array.from({ length: 41 }, (_, i): [number, number] => [
        50 + 20 * Math.cos((i / 40) * 2 * Math.PI),
        50 + 30 * Math.sin((i / 40) * 2 * Math.PI),
      ]),
    ],
  };
  const batch: Sample[] = Array.from({ length: 20 }, () => ({ kind: 'strokes', digit: ring }));
  const centreInk = (slashedZeros: number) => {
    const { images, labels } = makeBatch(
      batch,
      tinyMnist(),
      { strokeRepeats: 1, strokeAugment: true, slashedZeros },
      new Random(5),
    );
    expect([...labels]).toEqual(batch.map(() => 0));
    // The 4 x 4 pixels at the centre of each image, where only a slash puts ink.
    return batch.map((_, i) => {
      let ink = 0;
      for (let y = 12; y < 16; y++) {
        for (let x = 12; x < 16; x++) ink += images[i * INPUT_PIXELS + y * 28 + x]!;
      }
      return ink;
    });
  };

  it('slashes every zero at share 1 and none at share 0, still labelled 0', () => {
    expect(centreInk(0).every((ink) => ink < 0.5)).toBe(true);
    expect(centreInk(1).every((ink) => ink > 1)).toBe(true);
  });
});
