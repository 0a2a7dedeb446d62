import { INK_WIDTH, INPUT_SIZE } from '../constants';
import { renderStrokes } from './renderStrokes';
import { boundsExtent, strokeBounds, type Stroke } from '../strokes';
import { strokesToInput } from './strokesToInput';

/**
 * How a drawing on the pad (pad units: the pad's height is 1) becomes the model's 28x28 input. `mnist` is the
 * app's own; the other two exist so the gain of each of its steps can be seen and measured:
 * - `crop`: only the first step, cropping to the ink. The ink's bounding square (pen included)
 *   is shrunk to 28x28, ink as thick as drawn; no 20-pixel box, no centre of mass, no fixed pen.
 * - `naive`: what most demos do, the whole (square) pad shrunk to 28x28 with the ink as drawn;
 *   on a wide pad, the square of the pad's height around the ink (at the left edge for ink
 *   near it, so a digit drawn in the top-left corner stays there).
 */
export const PREPROCESSING = ['mnist', 'crop', 'naive'] as const;
export type Preprocessing = (typeof PREPROCESSING)[number];

/** The model's input for pad strokes, or null when there is nothing to recognise. */
export function preprocess(strokes: readonly Stroke[], mode: Preprocessing): Float32Array | null {
  if (mode === 'mnist') return strokesToInput(strokes);
  const bounds = strokeBounds(strokes);
  if (!bounds) return null;
  const extent = boundsExtent(bounds);
  // The same emptiness rule as `mnist`, so every mode agrees on what counts as a drawing.
  if (!(extent > 0)) return null;
  if (mode === 'naive') {
    const left = Math.max(0, (bounds.minX + bounds.maxX) / 2 - 0.5);
    return renderStrokes(
      strokes,
      { scale: INPUT_SIZE, offsetX: -left * INPUT_SIZE, offsetY: 0 },
      INPUT_SIZE,
      INK_WIDTH * INPUT_SIZE,
    );
  }
  const scale = INPUT_SIZE / (extent + INK_WIDTH);
  const centre = INPUT_SIZE / 2;
  return renderStrokes(
    strokes,
    {
      scale,
      offsetX: centre - ((bounds.minX + bounds.maxX) / 2) * scale,
      offsetY: centre - ((bounds.minY + bounds.maxY) / 2) * scale,
    },
    INPUT_SIZE,
    INK_WIDTH * scale,
  );
}

/** For reading `?preprocess=` and stored choices: a known mode, or null. */
export function parsePreprocessing(value: string | null | undefined): Preprocessing | null {
  return PREPROCESSING.find((mode) => mode === value) ?? null;
}
