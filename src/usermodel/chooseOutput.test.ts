import { describe, expect, it } from 'vitest';
import { chooseOutput } from './chooseOutput';

describe('chooseOutput', () => {
  it('reads the output named like dense_1 (our own models add a not-a-digit output)', () => {
    const ours = [
      { name: 'not_digit', shape: [-1, 1] },
      { name: 'dense_1', shape: [-1, 10] },
    ];
    expect(chooseOutput(ours)).toBe(1);
    const graph = [
      { name: 'logits', shape: [-1, 10] },
      { name: 'StatefulPartitionedCall/sequential/dense_1/BiasAdd', shape: [-1, 10] },
    ];
    expect(chooseOutput(graph)).toBe(1);
  });
  it('else the first output of ten classes', () => {
    const outputs = [
      { name: 'features', shape: [-1, 128] },
      { name: 'Identity', shape: [-1, 10] },
      { name: 'dense_10', shape: [-1, 10] },
    ];
    expect(chooseOutput(outputs)).toBe(1);
  });
  it('names the shapes when no output is ten classes', () => {
    expect(() => chooseOutput([{ name: 'dense_1', shape: [-1, 5] }])).toThrow(
      "The model's output is not ten digit classes: dense_1 [-1, 5] (the page needs shape [-1, 10]).",
    );
    expect(() => chooseOutput([{ name: 'maps', shape: [-1, 7, 7, 10] }])).toThrow(
      /maps \[-1, 7, 7, 10\]/,
    );
  });
});
