import { describe, expect, it } from 'vitest';
import { stratifiedSample } from './stratifiedSample';

/** 3n digits of each class, in writer order: writer w0 first, then w1, w2. */
const digits = (n: number) =>
  ['w0', 'w1', 'w2'].flatMap((writer) =>
    Array.from({ length: 10 * n }, (_, i) => ({ label: i % 10, writer, index: i })),
  );

describe('stratifiedSample', () => {
  it('takes perClass of each class, classes in order', () => {
    const sample = stratifiedSample(digits(4), 3);
    expect(sample).toHaveLength(30);
    expect(sample.map((d) => d.label)).toEqual(
      Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)),
    );
  });

  it("spreads each class's picks over the file, so over the writers", () => {
    const sample = stratifiedSample(digits(4), 3).filter((d) => d.label === 2);
    expect(sample.map((d) => d.writer)).toEqual(['w0', 'w1', 'w2']);
  });

  it('is the same sample on every run', () => {
    expect(stratifiedSample(digits(5), 4)).toEqual(stratifiedSample(digits(5), 4));
  });

  it('refuses to sample more of a class than there are', () => {
    expect(() => stratifiedSample(digits(1), 4)).toThrow(/only 3 digits of 0/);
  });
});
