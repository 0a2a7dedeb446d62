import { TINY_DRAWING } from '../constants';
import type { Verdict } from '../model/verdict';
import { boundsExtent, strokeBounds, type Stroke } from '../strokes';

// A mark too small on the pad to be a digit (a dot, a tap): preprocessing would blow it up to
// digit size, where it looks like a 1 or a 7, so the page calls it not a digit. The page and
// the Node reports (training/numbersReport.ts) both go by these two functions.

/** Whether the strokes (in pad units) are a tiny mark: no ink, or a longer side under TINY_DRAWING. */
export function isTinyMark(strokes: readonly Stroke[]): boolean {
  return boundsExtent(strokeBounds(strokes)) < TINY_DRAWING;
}

/**
 * The readings with each tiny candidate's verdict made "not a digit", whatever the model said
 * (a model without calibration has no verdicts to refuse).
 */
export function refuseTinyMarks<R extends { verdict: Verdict | null }>(
  readings: readonly R[],
  tiny: readonly boolean[],
): R[] {
  return readings.map((r, i) =>
    tiny[i] && r.verdict ? { ...r, verdict: 'not-a-digit' as const } : r,
  );
}
