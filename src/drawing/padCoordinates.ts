import type { Point } from '../strokes';

/** The part of a DOMRect this needs, so tests can pass a plain object. */
export interface PadRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Converts a pointer's client position into pad units (the pad's side is 1), so a drawing
 * survives resizes and devicePixelRatio changes. Points off the pad fall outside 0..1 and are
 * kept: a stroke that leaves the pad and comes back stays one stroke. The rect must not be empty.
 */
export function padCoordinates(clientX: number, clientY: number, rect: PadRect): Point {
  return [(clientX - rect.left) / rect.width, (clientY - rect.top) / rect.height];
}
