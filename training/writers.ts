import { readFileSync } from 'node:fs';
import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';
import { UNIPEN_SPLIT_FILE, type WriterSplit } from './unipenSplit';

// The one place that says which writers of the stroke digits belong to which set, so the
// training, the reports and the join fitting cannot drift apart. Pen digits' writers (tra-N)
// by src/constants.ts; UNIPEN's (unipen-<site>/...) by data/unipen/split.json.

/**
 * held-out: measured on only; validation: chooses epochs, calibration and parameters;
 * training: every writer in neither; not-held-out: training and validation together (what
 * the join model is fitted on); all: every writer.
 */
export const WRITER_SETS = ['held-out', 'validation', 'training', 'not-held-out', 'all'] as const;
export type WriterSet = (typeof WRITER_SETS)[number];

export function isWriterSet(name: string): name is WriterSet {
  return (WRITER_SETS as readonly string[]).includes(name);
}

/** A writer-set name from the command line; anything else fails, naming the valid ones. */
export function writerSet(name: string): WriterSet {
  if (!isWriterSet(name)) {
    throw new Error(`unknown writer set "${name}": one of ${WRITER_SETS.join(', ')}`);
  }
  return name;
}

/** Whether a writer belongs to the set. */
export function inWriterSet(set: WriterSet): (writer: string) => boolean {
  const pen = { heldOut: new Set(HELD_OUT_WRITERS), validation: new Set(VALIDATION_WRITERS) };
  let unipen: UnipenSets | null = null;
  const setsOf = (writer: string) => {
    if (!writer.startsWith(UNIPEN_PREFIX)) return pen;
    unipen ??= unipenSets();
    // A UNIPEN writer the split does not name would silently train: refuse it instead.
    if (!unipen.known.has(writer)) {
      throw new Error(`UNIPEN writer ${writer} is not in ${UNIPEN_SPLIT_FILE}`);
    }
    return unipen;
  };
  const tests: Record<WriterSet, (writer: string) => boolean> = {
    'held-out': (w) => setsOf(w).heldOut.has(w),
    validation: (w) => setsOf(w).validation.has(w),
    training: (w) => !setsOf(w).heldOut.has(w) && !setsOf(w).validation.has(w),
    'not-held-out': (w) => !setsOf(w).heldOut.has(w),
    all: () => true,
  };
  return tests[writerSet(set)];
}

/** UNIPEN writers are named after their site and file: unipen-<site>/<file>. */
const UNIPEN_PREFIX = 'unipen-';

interface UnipenSets {
  heldOut: Set<string>;
  validation: Set<string>;
  known: Set<string>;
}

/** The committed UNIPEN split, read when a UNIPEN writer is first asked about. */
function unipenSets(): UnipenSets {
  const split = JSON.parse(readFileSync(UNIPEN_SPLIT_FILE, 'utf8')) as WriterSplit;
  return {
    heldOut: new Set(split.heldOut),
    validation: new Set(split.validation),
    known: new Set([...split.heldOut, ...split.validation, ...split.training]),
  };
}

/** The digits (in their order) of the writers in the set. */
export function selectWriters<D extends { writer: string }>(
  digits: readonly D[],
  set: WriterSet,
): D[] {
  const inSet = inWriterSet(set);
  return digits.filter((d) => inSet(d.writer));
}
