import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeGrayPng } from './grayPng';

describe('encodeGrayPng', () => {
  const pixels = Uint8Array.from([0, 64, 128, 255, 10, 20]);
  const png = encodeGrayPng(pixels, 3, 2);

  it('writes the signature and an 8-bit greyscale header of the size given', () => {
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    expect([png[24], png[25]]).toEqual([8, 0]);
  });

  it('stores the rows, each after a filter byte 0, and the checksum zlib expects', () => {
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + length));
    expect([...rows]).toEqual([0, 0, 64, 128, 0, 255, 10, 20]);
    // CRC-32 of "IEND" is a fixed, published value.
    expect(png.readUInt32BE(png.length - 4)).toBe(0xae426082);
  });

  it('refuses pixels that do not fill the size', () => {
    expect(() => encodeGrayPng(pixels, 4, 2)).toThrow(/width x height/);
  });
});
