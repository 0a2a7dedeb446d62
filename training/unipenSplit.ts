// The fixed split of the UNIPEN writers (data/unipen/split.json): training, validation (picks
// epochs, fits calibration and thresholds) and held-out (never trained or calibrated on).
// By writer, never by digit, and per site, so every site is in every set it can be: a site's
// writers differ from another's in device and convention as much as in hand.
//   npx tsx training/makeUnipenSplit.ts    (rewrites data/unipen/split.json; same seed, same file)
import { fileURLToPath } from 'node:url';
import { Random } from './random';

export const UNIPEN_SPLIT_FILE = fileURLToPath(
  new URL('../data/unipen/split.json', import.meta.url),
);

/** Shares of each site's writers; the rest train. */
export const UNIPEN_SPLIT_SHARES = { heldOut: 0.2, validation: 0.1 } as const;
export const UNIPEN_SPLIT_SEED = 2026;

export interface WriterSplit {
  seed: number;
  heldOut: string[];
  validation: string[];
  training: string[];
}

/** The writers of one record: its file name and its site. */
export interface SiteWriter {
  writer: string;
  institution: string;
}

/**
 * Splits writers site by site. The digit writers are split first (they carry the measurement),
 * then the writers who wrote only letters, each group by the same shares; a writer with both
 * goes where their digits go, so no held-out writer's letters are trained on either. A site
 * with a single writer gives it to the held-out set, so every site is measured.
 */
export function splitWriters(
  digits: readonly SiteWriter[],
  letters: readonly SiteWriter[],
  seed: number = UNIPEN_SPLIT_SEED,
): WriterSplit {
  const random = new Random(seed);
  const split: WriterSplit = { seed, heldOut: [], validation: [], training: [] };
  const digitWriters = new Set(digits.map((d) => d.writer));
  const letterOnly = letters.filter((l) => !digitWriters.has(l.writer));
  for (const group of [digits, letterOnly]) {
    for (const writers of bySite(group).values()) {
      const shuffled = random.shuffle([...writers.keys()].sort());
      const n = shuffled.length;
      const heldOut = Math.max(1, Math.round(n * UNIPEN_SPLIT_SHARES.heldOut));
      const validation = n >= 3 ? Math.max(1, Math.round(n * UNIPEN_SPLIT_SHARES.validation)) : 0;
      if (n < SMALL_SITE) preferTypicalHeldOut(shuffled, writers);
      split.heldOut.push(...shuffled.slice(0, heldOut));
      split.validation.push(...shuffled.slice(heldOut, heldOut + validation));
      split.training.push(...shuffled.slice(heldOut + validation));
    }
  }
  split.heldOut.sort();
  split.validation.sort();
  split.training.sort();
  return split;
}

/** Sites with fewer writers than this hold out one writer, chosen by size (below). */
const SMALL_SITE = 5;

/**
 * At a site of a few writers one writer can hold most of its digits (gmd: 82, 135 and 928):
 * held out, that one writer would be a third of all held-out digits. So the writer whose count
 * is nearest the held-out share of the site's digits goes first, and the smallest of the rest
 * next (validation), so the largest trains (sizes only, never results).
 */
function preferTypicalHeldOut(shuffled: string[], counts: ReadonlyMap<string, number>): void {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const target = total * UNIPEN_SPLIT_SHARES.heldOut;
  const distance = (w: string) => Math.abs(counts.get(w)! - target);
  const best = shuffled.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  const rest = shuffled.filter((w) => w !== best).sort((a, b) => counts.get(a)! - counts.get(b)!);
  shuffled.splice(0, shuffled.length, best, ...rest);
}

/** Each site's writers with their record counts, sites in name order. */
function bySite(records: readonly SiteWriter[]): Map<string, Map<string, number>> {
  const sites = new Map<string, Map<string, number>>();
  for (const { writer, institution } of [...records].sort((a, b) =>
    a.institution.localeCompare(b.institution),
  )) {
    const counts = sites.get(institution) ?? new Map<string, number>();
    counts.set(writer, (counts.get(writer) ?? 0) + 1);
    sites.set(institution, counts);
  }
  return sites;
}
