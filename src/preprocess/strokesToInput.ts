import { CENTRE_OF_MASS, DIGIT_BOX, INPUT_SIZE, PEN_WIDTH } from '../constants';
import { centreOfMass, renderStrokes, type Placement } from './renderStrokes';
import { boundsExtent, strokeBounds, type Stroke } from '../strokes';

/**
 * Turns a drawing into the model's 28x28 input (row-major, 0..1, white ink on black) the way
 * MNIST was made: the ink's longer side scaled to the 20-pixel box (aspect kept), rendered
 * anti-aliased with a pen whose width does not depend on how big the person drew, then moved
 * so the ink's centre of mass sits where MNIST's does.
 *
 * Returns null when there is nothing to recognise: no points, or no extent (a single dot).
 * `penWidth` is for training's thinner and bolder strokes; the app uses the default.
 */
export function strokesToInput(
  strokes: readonly Stroke[],
  penWidth: number = PEN_WIDTH,
): Float32Array | null {
  const bounds = strokeBounds(strokes);
  if (!bounds) return null;
  const extent = boundsExtent(bounds);
  if (!(extent > 0)) return null;

  // The pen adds its width around the centreline, so the centreline gets the box minus the pen.
  // PEN_WIDTH (not penWidth) keeps the geometry identical whatever pen training picks.
  const scale = (DIGIT_BOX - PEN_WIDTH) / extent;
  const centre = INPUT_SIZE / 2;
  const boxPlacement: Placement = {
    scale,
    offsetX: centre - ((bounds.minX + bounds.maxX) / 2) * scale,
    offsetY: centre - ((bounds.minY + bounds.maxY) / 2) * scale,
  };
  const boxed = renderStrokes(strokes, boxPlacement, INPUT_SIZE, penWidth);
  const mass = centreOfMass(boxed, INPUT_SIZE);
  if (!mass) return null;

  // Rendering is translation-invariant, so shifting the placement moves the centre of mass
  // by exactly that amount (up to ink clipped at the border, as in MNIST).
  return renderStrokes(
    strokes,
    {
      scale,
      offsetX: boxPlacement.offsetX + CENTRE_OF_MASS - mass.x,
      offsetY: boxPlacement.offsetY + CENTRE_OF_MASS - mass.y,
    },
    INPUT_SIZE,
    penWidth,
  );
}
