import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';

// The one place that says which writers of the stroke digits belong to which set, so the
// training, the reports and the join fitting cannot drift apart.

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
  const held = new Set(HELD_OUT_WRITERS);
  const validation = new Set(VALIDATION_WRITERS);
  const tests: Record<WriterSet, (writer: string) => boolean> = {
    'held-out': (w) => held.has(w),
    validation: (w) => validation.has(w),
    training: (w) => !held.has(w) && !validation.has(w),
    'not-held-out': (w) => !held.has(w),
    all: () => true,
  };
  return tests[writerSet(set)];
}

/** The digits (in their order) of the writers in the set. */
export function selectWriters<D extends { writer: string }>(
  digits: readonly D[],
  set: WriterSet,
): D[] {
  const inSet = inWriterSet(set);
  return digits.filter((d) => inSet(d.writer));
}
