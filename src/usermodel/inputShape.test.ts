import { describe, expect, it } from 'vitest';
import { checkInputShape } from './inputShape';

const input = (shape: number[], name = 'x') => [{ name, dtype: 'DT_FLOAT', shape }];

describe('checkInputShape', () => {
  it('accepts one 28x28 image per example: flat, square or one channel', () => {
    expect(checkInputShape(input([-1, 784]))).toEqual([-1, 784]);
    expect(checkInputShape(input([-1, 28, 28]))).toEqual([-1, 28, 28]);
    expect(checkInputShape(input([-1, 28, 28, 1]))).toEqual([-1, 28, 28, 1]);
  });
  it('keeps a batch fixed at 1, so the model is fed one drawing at a time', () => {
    expect(checkInputShape(input([1, 28, 28, 1]))).toEqual([1, 28, 28, 1]);
  });
  it('names any other shape', () => {
    expect(() => checkInputShape(input([-1, 28, 28, 3], 'rgb'))).toThrow(
      "The model's input rgb has shape [-1, 28, 28, 3], not one 28x28 image: the page can feed [-1, 784], [-1, 28, 28] or [-1, 28, 28, 1].",
    );
    expect(() => checkInputShape(input([-1, 32, 32, 1]))).toThrow(/shape \[-1, 32, 32, 1\]/);
    expect(() => checkInputShape(input([2, 784]))).toThrow(/shape \[2, 784\]/);
    expect(() => checkInputShape(input([-1, 1, 28, 28]))).toThrow(/shape \[-1, 1, 28, 28\]/);
    expect(() => checkInputShape(input([]))).toThrow(/shape \[\]/);
  });
  it('refuses a model with several inputs', () => {
    expect(() => checkInputShape([...input([-1, 784], 'a'), ...input([-1, 1], 'b')])).toThrow(
      'The model takes 2 inputs (a, b); the page feeds it one 28x28 image.',
    );
  });
});
