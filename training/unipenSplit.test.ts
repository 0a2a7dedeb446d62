import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitWriters, UNIPEN_SPLIT_FILE, type SiteWriter } from './unipenSplit';

/** `perWriter[i]` records for writer i of the site. */
const site = (name: string, perWriter: number[]): SiteWriter[] =>
  perWriter.flatMap((n, i) =>
    Array.from({ length: n }, () => ({ writer: `${name}/w${i}`, institution: name })),
  );

describe('splitWriters', () => {
  const digits = [
    ...site('big', Array(40).fill(10)),
    ...site('few', [82, 135, 928]),
    ...site('one', [7]),
  ];
  const letters = [...site('big', Array(45).fill(3)), ...site('lettersOnly', Array(10).fill(2))];
  const split = splitWriters(digits, letters, 5);

  it('puts every writer in exactly one set', () => {
    const all = [...split.heldOut, ...split.validation, ...split.training];
    const writers = new Set([...digits, ...letters].map((r) => r.writer));
    expect(all.length).toBe(writers.size);
    expect(new Set(all)).toEqual(writers);
  });

  it('holds out about a fifth of each site, every site included', () => {
    const of = (set: string[], name: string) => set.filter((w) => w.startsWith(`${name}/`)).length;
    expect(of(split.heldOut, 'big')).toBe(8 + 1); // 40 digit writers, then 5 letter-only ones
    expect(of(split.validation, 'big')).toBe(4 + 1);
    expect(of(split.heldOut, 'lettersOnly')).toBe(2);
    expect(of(split.heldOut, 'one')).toBe(1);
  });

  it('holds out a typical writer of a small site, and trains its largest', () => {
    expect(split.heldOut).toContain('few/w1'); // 135 digits, nearest 20% of 1,145
    expect(split.validation).toContain('few/w0');
    expect(split.training).toContain('few/w2');
  });

  it('is the same for the same seed, another for another', () => {
    expect(splitWriters(digits, letters, 5)).toEqual(split);
    expect(splitWriters(digits, letters, 6).heldOut).not.toEqual(split.heldOut);
  });
});

describe('the committed split', () => {
  it('is disjoint and holds out writers of every site', () => {
    const split = JSON.parse(readFileSync(UNIPEN_SPLIT_FILE, 'utf8')) as Record<string, string[]>;
    const sets = [split.heldOut!, split.validation!, split.training!];
    const all = sets.flat();
    expect(new Set(all).size).toBe(all.length);
    const sites = (ws: string[]) => new Set(ws.map((w) => w.split('/')[0]));
    expect(sites(split.heldOut!)).toEqual(sites(all));
  });
});
