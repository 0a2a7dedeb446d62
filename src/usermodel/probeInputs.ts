import { PROBE_IMAGES, PROBE_LABELS } from './probeDigits';

/** The known test drawings as page inputs (784 values in 0..1, white on black) and labels. */
export function probeInputs(): { inputs: Float32Array[]; labels: readonly number[] } {
  const inputs = PROBE_IMAGES.map((base64) =>
    Float32Array.from(atob(base64), (char) => char.charCodeAt(0) / 255),
  );
  return { inputs, labels: PROBE_LABELS };
}
