// IDX is the MNIST file format: a 4-byte magic number (two zero bytes, a type code, the number
// of dimensions), one big-endian uint32 per dimension, then the values.

const UNSIGNED_BYTE = 0x08;

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Parses an unsigned-byte IDX file, checking everything its header claims. */
export function parseIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  if (bytes.length < 4) {
    throw new Error(`${name}: ${bytes.length} bytes is too short for an IDX header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`${name}: not an IDX file (magic number ${hex(view.getUint32(0))})`);
  }
  if (bytes[2] !== UNSIGNED_BYTE) {
    throw new Error(`${name}: value type 0x${bytes[2]!.toString(16)} is not unsigned byte (0x08)`);
  }
  const rank = bytes[3]!;
  if (rank < 1) throw new Error(`${name}: an IDX file needs at least one dimension`);
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) {
    throw new Error(`${name}: truncated header (${bytes.length} of ${headerLength} bytes)`);
  }
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const expected = dims.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerLength;
  if (actual !== expected) {
    throw new Error(
      `${name}: header says ${dims.join('x')} = ${expected} values but the file holds ${actual}` +
        (actual < expected ? ' (truncated)' : ''),
    );
  }
  return { dims, data: bytes.subarray(headerLength) };
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
