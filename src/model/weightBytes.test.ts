import type { io } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { weightBytes } from './weightBytes';

const entry = (
  dtype: io.WeightsManifestEntry['dtype'],
  shape: number[],
  quantised?: 'uint8' | 'uint16' | 'float16',
): io.WeightsManifestEntry => ({
  name: `${dtype}-${quantised ?? 'plain'}`,
  shape,
  dtype,
  ...(quantised && { quantization: { dtype: quantised, min: 0, scale: 1 } }),
});

describe('weightBytes', () => {
  it('counts each dtype at the size tfjs stores it', () => {
    expect(weightBytes([entry('float32', [2, 3])])).toBe(24);
    expect(weightBytes([entry('int32', [5])])).toBe(20);
    expect(weightBytes([entry('bool', [7])])).toBe(7);
    expect(weightBytes([entry('complex64', [2])])).toBe(16);
  });

  it('counts quantised weights at their stored size', () => {
    expect(weightBytes([entry('float32', [2, 3], 'uint8')])).toBe(6);
    expect(weightBytes([entry('float32', [2, 3], 'uint16')])).toBe(12);
    expect(weightBytes([entry('float32', [2, 3], 'float16')])).toBe(12);
  });

  it('adds up a manifest, a scalar counting as one value', () => {
    expect(weightBytes([entry('float32', [4, 4], 'uint8'), entry('float32', [])])).toBe(16 + 4);
    expect(weightBytes([])).toBe(0);
  });

  it('refuses strings, whose size the manifest does not say', () => {
    expect(() => weightBytes([entry('string', [2])])).toThrow(/string/);
  });
});
