import type { Stroke } from '../src/strokes';
import { isStrokes, loadRecords } from './drawings';
import { digitsOfWriters } from './evalOptions';
import { isNonDigitLetter } from './unipen';

/** A drawing that is not a digit: generated (with its kind) or a real letter (its symbol). */
export interface NonDigitDrawing {
  strokes: Stroke[];
  writer?: string;
  symbol?: string;
  kind?: string;
}

/**
 * The drawings of a non-digit file; with `writers` (a set or a list), only theirs, from a file
 * whose records name writers. Letters a digit resembles (unipen.ts) are left out: the page may
 * rightly read them as digits.
 */
export function loadNonDigitDrawings(path: string, writers: string | null): NonDigitDrawing[] {
  let records = loadRecords<NonDigitDrawing>(path, 'drawing', (r) =>
    isStrokes((r as NonDigitDrawing | null)?.strokes) ? null : 'has no strokes [[[x, y], ...]]',
  );
  if (writers !== null) {
    const named = records.filter((r): r is NonDigitDrawing & { writer: string } => !!r.writer);
    if (named.length < records.length) throw new Error(`${path} names no writers`);
    records = digitsOfWriters(named, writers);
  }
  return records.filter((r) => r.symbol === undefined || isNonDigitLetter({ symbol: r.symbol }));
}
