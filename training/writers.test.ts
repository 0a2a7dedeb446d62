import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';
import { loadStrokeDigits } from './strokeDigits';
import { UNIPEN_SPLIT_FILE, type WriterSplit } from './unipenSplit';
import { inWriterSet, selectWriters, writerSet, WRITER_SETS } from './writers';

const all = loadStrokeDigits();
const writersIn = (set: (typeof WRITER_SETS)[number]) =>
  new Set(selectWriters(all, set).map((d) => d.writer));

describe('writer sets', () => {
  it('name the held-out and validation writers of src/constants.ts', () => {
    expect(writersIn('held-out')).toEqual(new Set(HELD_OUT_WRITERS));
    expect(writersIn('validation')).toEqual(new Set(VALIDATION_WRITERS));
  });

  it('split every digit into held-out, validation and training, once each', () => {
    const sizes = (['held-out', 'validation', 'training'] as const).map(
      (set) => selectWriters(all, set).length,
    );
    expect(sizes.reduce((a, b) => a + b)).toBe(all.length);
    expect(sizes.every((n) => n > 0)).toBe(true);
    for (const w of writersIn('training')) {
      expect(HELD_OUT_WRITERS.includes(w) || VALIDATION_WRITERS.includes(w)).toBe(false);
    }
  });

  it('put training and validation together as not-held-out', () => {
    expect(writersIn('not-held-out')).toEqual(
      new Set([...writersIn('training'), ...writersIn('validation')]),
    );
    expect(selectWriters(all, 'all')).toEqual(all);
  });

  it('keep the digits in their order', () => {
    const held = selectWriters(all, 'held-out');
    expect(held).toEqual(all.filter((d) => inWriterSet('held-out')(d.writer)));
    const at = held.map((d) => all.indexOf(d));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('refuse an unknown name, naming the valid ones', () => {
    expect(writerSet('validation')).toBe('validation');
    expect(() => writerSet('heldout')).toThrow(
      'unknown writer set "heldout": one of held-out, validation, training, not-held-out, all',
    );
    expect(() => inWriterSet('tra-5' as never)).toThrow(/one of held-out/);
  });
});

describe('UNIPEN writer sets', () => {
  const split = JSON.parse(readFileSync(UNIPEN_SPLIT_FILE, 'utf8')) as WriterSplit;
  const someOf = (list: string[]) => list.slice(0, 3);

  it('follow data/unipen/split.json', () => {
    for (const w of someOf(split.heldOut)) expect(inWriterSet('held-out')(w)).toBe(true);
    for (const w of someOf(split.validation)) expect(inWriterSet('validation')(w)).toBe(true);
    for (const w of someOf(split.training)) {
      expect(inWriterSet('training')(w)).toBe(true);
      expect(inWriterSet('held-out')(w)).toBe(false);
    }
  });

  it('never mix the two data sets: a pen writer is not looked up in the UNIPEN split', () => {
    expect(inWriterSet('held-out')('tra-5')).toBe(true);
    expect(() => inWriterSet('training')('unipen-xyz/unknown')).toThrow(/not in .*split.json/);
  });
});
