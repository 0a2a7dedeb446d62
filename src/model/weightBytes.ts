import type { io } from '@tensorflow/tfjs-core';

type StoredDtype =
  io.WeightsManifestEntry['dtype'] | NonNullable<io.WeightsManifestEntry['quantization']>['dtype'];

// Bytes per value as tfjs stores them (tfjs-core's io DTYPE_VALUE_SIZE_MAP). Strings are
// length-prefixed, so their size cannot be known from the manifest.
const BYTES_PER_VALUE: Record<StoredDtype, number | null> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  float16: 2,
  uint16: 2,
  uint8: 1,
  string: null,
};

/** Bytes a manifest's weights occupy in their shards; a quantised weight is stored quantised. */
export function weightBytes(specs: readonly io.WeightsManifestEntry[]): number {
  return specs.reduce((total, spec) => {
    const dtype = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES_PER_VALUE[dtype];
    if (bytes == null) throw new Error(`weight ${spec.name}: no fixed size for dtype ${dtype}`);
    return total + spec.shape.reduce((a, b) => a * b, 1) * bytes;
  }, 0);
}
