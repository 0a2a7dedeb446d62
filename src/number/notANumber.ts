import type { Verdict } from '../model/verdict';
import { digitLikeness, type CandidateReading } from './segmentation';

// Geometry splits a drawing into pieces before the model reads them, so a letter can come apart
// into pieces that each look like a digit (an H into "11", a Q into "01") or into a digit and a
// scrap ("1?"). The split and the verdict must agree: a drawing whose pieces are not, together,
// a number is one non-digit, answered as a whole. Tiny marks (a dot between digits) do not count.

/**
 * Below this mean digit likeness (log of confidence x (1 - not a digit), segmentation.ts) the
 * pieces are unlikely digits: a geometric mean under 0.50. The highest at which no number that
 * reads right is lost, on 2,000 numbers each of the training and the validation writers
 * (training/numbersReport.ts), refitted for the model shipped 2026-12-03: at -0.5 the
 * validation writers lose 0.05 points (1 number), at -0.3 0.15 and the training writers 0.15;
 * at -0.7 and -0.9 none.
 */
export const WHOLE_LIKENESS = -0.7;

/** Whether the pieces read are, together, not a number (two or more pieces; tiny ones aside). */
export function isNotANumber(
  pieces: readonly { reading: CandidateReading & { verdict: Verdict | null }; tiny: boolean }[],
): boolean {
  const read = pieces.filter((p) => !p.tiny).map((p) => p.reading);
  // Without calibration the page gives no verdicts, so it cannot say "not a digit" either.
  if (read.length < 2 || read.some((r) => r.verdict === null)) return false;
  // A piece the model itself calls not a digit: the whole is a drawing, not a number with a gap.
  if (read.some((r) => r.verdict === 'not-a-digit')) return true;
  const mean = read.reduce((sum, r) => sum + digitLikeness(r), 0) / read.length;
  return mean < WHOLE_LIKENESS;
}
