// Strokes and readings shared by the number reader's tests (src/number) and the join
// fitting's (training/joinFitting.test.ts), in pad units.
import type { Stroke } from '../strokes';
import type { CandidateReading } from './segmentation';

export const line = (x0: number, y0: number, x1: number, y1: number): Stroke => [
  [x0, y0],
  [x1, y1],
];

// An L (down, then across) with an upright standing just beside it: a 4, or an L and a 1.
export const L = [
  [0.1, 0.2],
  [0.1, 0.55],
  [0.4, 0.55],
] as Stroke;
export const UPRIGHT = line(0.45, 0.3, 0.45, 0.8);
// A 1 far to the right.
export const FAR_ONE = line(1.5, 0.2, 1.5, 0.8);
// A 0 (0.1 to 0.5 wide, 0.6 tall) and a 1 touching its right edge: geometry merges them, as it
// would a 4's upright crossing its bar.
export const ZERO: Stroke = [
  [0.3, 0.2],
  [0.1, 0.5],
  [0.3, 0.8],
  [0.5, 0.5],
  [0.3, 0.2],
];
export const TOUCHING_ONE = line(0.495, 0.2, 0.495, 0.8);

export const sure = (digit: number): CandidateReading => ({ digit, confidence: 0.99, notDigit: 0 });
export const none: CandidateReading = { digit: 6, confidence: 0.5, notDigit: 0.99 };
