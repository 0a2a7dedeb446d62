import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS, NUM_CLASSES } from '../src/constants';
import { PROBE_MNIST_INDICES } from '../src/usermodel/probeDigits';
import { probeInputs } from '../src/usermodel/probeInputs';
import { loadMnistSplit } from './mnist';

// src/usermodel/probeDigits.ts is written by training/makeProbeDigits.ts: check it still holds
// what its header says (the first two of each digit in MNIST's test file order).
describe('the known test drawings (src/usermodel/probeDigits.ts)', () => {
  it('are the first two MNIST test images of each digit, as page inputs', () => {
    const test = loadMnistSplit('t10k');
    const firstTwo = Array.from({ length: NUM_CLASSES }, (_, digit) =>
      [...test.labels.keys()].filter((i) => test.labels[i] === digit).slice(0, 2),
    ).flat();
    expect(PROBE_MNIST_INDICES).toEqual(firstTwo);
    const { inputs, labels } = probeInputs();
    PROBE_MNIST_INDICES.forEach((index, i) => {
      expect(labels[i]).toBe(test.labels[index]);
      const bytes = test.images.subarray(index * INPUT_PIXELS, (index + 1) * INPUT_PIXELS);
      expect(Array.from(inputs[i]!, (v) => Math.round(v * 255))).toEqual(Array.from(bytes));
    });
  });
});
