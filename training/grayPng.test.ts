import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../src/constants';
import { encodeGrayPng, paintDigit } from './grayPng';

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

describe('paintDigit', () => {
  // One inked pixel (row 1, column 2) at full value, one at half.
  const image = new Float32Array(INPUT_PIXELS);
  image[1 * 28 + 2] = 1;
  image[0] = 0.5;

  it('enlarges each input pixel to zoom x zoom at the place given, ink dark on light', () => {
    const width = 70;
    const pixels = new Uint8Array(width * 60).fill(7);
    paintDigit(pixels, width, image, { left: 3, top: 1, zoom: 2, ink: 'dark' });
    const at = (x: number, y: number) => pixels[y * width + x];
    // Input (2, 1) covers x 3+4..3+5, y 1+2..1+3.
    expect([at(7, 3), at(8, 3), at(7, 4), at(8, 4)]).toEqual([0, 0, 0, 0]);
    expect(at(3, 1)).toBe(255 - 128);
    expect(at(9, 3)).toBe(255); // blank input: white
    expect(at(2, 1)).toBe(7); // left of the digit: untouched
    expect(at(3 + 56, 1)).toBe(7); // right of it
  });

  it('paints ink light on dark when asked', () => {
    const pixels = new Uint8Array(28 * 28);
    paintDigit(pixels, 28, image, { left: 0, top: 0, zoom: 1, ink: 'light' });
    expect([pixels[1 * 28 + 2], pixels[0], pixels[5]]).toEqual([255, 128, 0]);
  });
});
