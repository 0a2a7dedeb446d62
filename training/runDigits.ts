// The writers' digits of one training run: trained on, choosing the epoch and calibration, or
// only measured; the pen digits by src/constants.ts, UNIPEN's by data/unipen/split.json.
import { namesFrom } from './flags';
import { loadStrokeDigits, type StrokeDigit } from './strokeDigits';
import type { TrainOptions } from './trainOptions';
import { loadNonDigitDrawings } from './nonDigitDrawings';
import { loadUnipenDigits, UNIPEN_LETTERS_FILE } from './unipen';
import { selectWriters } from './writers';

/** Pen digits by writer: trained on, picking the epoch and calibration, or only measured. */
export interface WriterDigits {
  training: StrokeDigit[];
  validation: StrokeDigit[];
  heldOut: StrokeDigit[];
}

/** UNIPEN's part of a run (empty when not asked for): by writer, as data/unipen/split.json. */
export interface UnipenData {
  training: StrokeDigit[];
  validation: StrokeDigit[];
  heldOut: StrokeDigit[];
  /** Training writers' letters that no digit resembles: non-digits. */
  letters: StrokeDigit['strokes'][];
}

/** The stroke digits split three ways; the validation writers must be in the file. */
export function writerDigits(options: TrainOptions): WriterDigits {
  const all = loadStrokeDigits(options.strokesFile ?? undefined);
  const heldOut = selectWriters(all, 'held-out');
  const notHeldOut = selectWriters(all, 'not-held-out');
  const known = [...new Set(notHeldOut.map((d) => d.writer))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  // Throws FlagError naming the writers the file has.
  if (options.validationWriters.length) {
    namesFrom('validation-writers', options.validationWriters.join(','), known);
  }
  // --validation-writers may differ from the fixed validation set, so split by the list.
  const chosen = new Set(options.validationWriters);
  const training = notHeldOut.filter((d) => !chosen.has(d.writer));
  const validation = notHeldOut.filter((d) => chosen.has(d.writer));
  return { training, validation, heldOut };
}

/** UNIPEN's writers split as committed; nothing is loaded unless the run asks for it. */
export function unipenData({ unipen }: TrainOptions): UnipenData {
  if (!unipen.repeats && !unipen.letterShare) {
    return { training: [], validation: [], heldOut: [], letters: [] };
  }
  const digits = loadUnipenDigits();
  // The letters file is the larger: read only when the run trains on its letters.
  const letters = unipen.letterShare ? loadNonDigitDrawings(UNIPEN_LETTERS_FILE, 'training') : [];
  return {
    training: unipen.repeats ? selectWriters(digits, 'training') : [],
    validation: unipen.repeats ? selectWriters(digits, 'validation') : [],
    heldOut: selectWriters(digits, 'held-out'),
    letters: letters.map((l) => l.strokes),
  };
}
