import { deflateSync } from 'node:zlib';
import { INPUT_PIXELS, INPUT_SIZE } from '../src/constants';

// The training tools' pictures: model inputs painted into a grey image, and a minimal PNG
// encoder (8-bit greyscale, no filtering) so they open anywhere without a converter.

/**
 * Paints a 28x28 model input (0..1) into `pixels` (`width` wide), `zoom` times enlarged, its
 * top-left corner at (left, top); ink light on dark, or dark on light.
 */
export function paintDigit(
  pixels: Uint8Array,
  width: number,
  image: Float32Array,
  { left, top, zoom, ink }: { left: number; top: number; zoom: number; ink: 'light' | 'dark' },
): void {
  if (image.length !== INPUT_PIXELS) throw new Error(`expected ${INPUT_PIXELS} values`);
  for (let y = 0; y < INPUT_SIZE * zoom; y++) {
    for (let x = 0; x < INPUT_SIZE * zoom; x++) {
      const value = Math.min(1, image[Math.floor(y / zoom) * INPUT_SIZE + Math.floor(x / zoom)]!);
      const level = Math.round(value * 255);
      pixels[(top + y) * width + left + x] = ink === 'light' ? level : 255 - level;
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** `pixels`: width x height grey levels (0 black .. 255 white), row by row. */
export function encodeGrayPng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (pixels.length !== width * height) throw new Error('pixels do not fill width x height');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Each row starts with its filter type, 0 (none).
  const raw = Buffer.alloc((width + 1) * height);
  for (let row = 0; row < height; row++) {
    raw.set(pixels.subarray(row * width, (row + 1) * width), row * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
