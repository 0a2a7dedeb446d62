import type { Point } from '../strokes';

/** The part of a DOMRect this needs, so tests can pass a plain object. */
export interface PadRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Converts a pointer's client position into pad units (the pad's height is 1, so x runs from 0
 * to the pad's aspect ratio), so a drawing survives resizes and devicePixelRatio changes. Points
 * off the pad fall outside and are kept: a stroke that leaves the pad and comes back stays one
 * stroke. The rect must not be empty.
 */
export function padCoordinates(clientX: number, clientY: number, rect: PadRect): Point {
  return [(clientX - rect.left) / rect.height, (clientY - rect.top) / rect.height];
}
