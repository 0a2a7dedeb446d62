import { TINY_DRAWING } from '../constants';
import { strokeBounds, type Stroke } from '../strokes';
import { preprocess, type Preprocessing } from './preprocessing';

/** A drawing made ready for the model once, for the preview and the prediction alike. */
export interface PreparedInput {
  /** The drawing version and preprocessing it was made from: a new key is a new drawing. */
  key: string;
  /** The model's input, or null when there is nothing to recognise. */
  input: Float32Array | null;
  /** How long preprocessing took: the 'predict' measure counts it with inference. */
  preprocessMs: number;
  /**
   * A mark too small on the pad to be a digit (a dot, a tap): preprocessing would blow it up
   * to digit size, where it looks like a 1 or a 7, so the page calls it not a digit.
   */
  tiny: boolean;
}

export function prepareInput(
  strokes: readonly Stroke[],
  preprocessing: Preprocessing,
  version: number,
): PreparedInput {
  const start = performance.now();
  const input = preprocess(strokes, preprocessing);
  const preprocessMs = performance.now() - start;
  const bounds = strokeBounds(strokes);
  const extent = bounds ? Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) : 0;
  return { key: `${version}/${preprocessing}`, input, preprocessMs, tiny: extent < TINY_DRAWING };
}
