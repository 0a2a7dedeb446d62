import { preprocess, type Preprocessing } from './preprocessing';
import type { Stroke } from '../strokes';

/** A drawing made ready for the model once, for the preview and the prediction alike. */
export interface PreparedInput {
  /** The drawing version and preprocessing it was made from: a new key is a new drawing. */
  key: string;
  /** The model's input, or null when there is nothing to recognise. */
  input: Float32Array | null;
  /** How long preprocessing took: the 'predict' measure counts it with inference. */
  preprocessMs: number;
}

export function prepareInput(
  strokes: readonly Stroke[],
  preprocessing: Preprocessing,
  version: number,
): PreparedInput {
  const start = performance.now();
  const input = preprocess(strokes, preprocessing);
  return { key: `${version}/${preprocessing}`, input, preprocessMs: performance.now() - start };
}
