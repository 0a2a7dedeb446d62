import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { SimulationOptions } from './adaptSimulation';
import { parseKeep, parseVariant } from './adaptationReport';
import { PAGE_VARIANT, type AdaptVariant } from './adaptVariants';
import { FlagError, namesFrom } from './flags';
import { STROKE_DIGITS_FILE } from './strokeDigits';
import { isWriterSet, selectWriters, WRITER_SETS } from './writers';

/** What `npm run eval` measures, on which model: parsed and checked before any loading. */
export type EvalOptions = {
  /** model.json; a folder names its model.json. */
  modelPath: string;
  json: boolean;
} & (
  | { mode: 'mnist' }
  | { mode: 'strokes'; strokesFile: string; writers: string }
  | { mode: 'adapt'; strokesFile: string; writers: string; adapt: AdaptFlags }
  | { mode: 'non-digits'; nonDigitsFile: string; writers: string | null }
);

export interface AdaptFlags {
  keep: SimulationOptions['keep'];
  variant: AdaptVariant;
}

const FLAGS = {
  model: { type: 'string', default: 'public/model/model.json' },
  strokes: { type: 'string' },
  writers: { type: 'string' },
  'non-digits': { type: 'string' },
  adapt: { type: 'boolean', default: false },
  keep: { type: 'string', default: 'corrections' },
  method: { type: 'string', default: PAGE_VARIANT.method },
  k: { type: 'string', default: String(PAGE_VARIANT.k) },
  threshold: { type: 'string', default: String(PAGE_VARIANT.threshold) },
  weight: { type: 'string', default: String(PAGE_VARIANT.weight) },
  margin: { type: 'string', default: String(PAGE_VARIANT.margin ?? 'none') },
  pair: { type: 'boolean', default: PAGE_VARIANT.pair ?? false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/**
 * The command line as options, or 'help'. Every value is checked here (the adaptation's by
 * adaptationReport.ts), so a bad one fails before the model loads: FlagError names the valid.
 */
export function parseEvalOptions(argv: readonly string[]): EvalOptions | 'help' {
  const args = parseFlags(argv);
  if (args.help) return 'help';
  // Checked even without --adapt: a mistyped --method must not pass unnoticed.
  const adapt = adaptFlags(args);
  const base = { modelPath: modelJsonPath(args.model), json: args.json };
  const nonDigits = args['non-digits'];
  if (nonDigits !== undefined && (args.adapt || args.strokes)) {
    throw new FlagError('--non-digits measures drawings, not stroke digits: give it alone');
  }
  if (nonDigits !== undefined) {
    const writers = args.writers ?? null;
    return { ...base, mode: 'non-digits', nonDigitsFile: nonDigits, writers };
  }
  if (!args.adapt && !args.strokes && !args.writers) return { ...base, mode: 'mnist' };
  const writers = args.writers ?? (args.adapt ? 'held-out' : 'all');
  if (writers.split(',').some((w) => w.trim() === '')) {
    throw new FlagError(`--writers ${writers}: one of ${WRITER_SETS.join(', ')} or writer ids`);
  }
  const strokesFile = args.strokes ?? STROKE_DIGITS_FILE;
  return args.adapt
    ? { ...base, mode: 'adapt', strokesFile, writers, adapt }
    : { ...base, mode: 'strokes', strokesFile, writers };
}

/** A folder's model.json, or the file named. */
export function modelJsonPath(model: string): string {
  return model.endsWith('.json') ? model : join(model, 'model.json');
}

/**
 * The digits of `--writers`: a writer set (writers.ts) or a list of writers, each of whom must
 * have digits in the file (else FlagError naming the writers there).
 */
export function digitsOfWriters<D extends { writer: string }>(
  digits: readonly D[],
  writers: string,
): D[] {
  if (isWriterSet(writers)) return selectWriters(digits, writers);
  const known = [...new Set(digits.map((d) => d.writer))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  try {
    const chosen = new Set(namesFrom('writers', writers, known));
    return digits.filter((d) => chosen.has(d.writer));
  } catch (error) {
    throw new FlagError(`${(error as Error).message} (or a set: ${WRITER_SETS.join(', ')})`);
  }
}

function adaptFlags(args: ReturnType<typeof parseFlags>): AdaptFlags {
  try {
    return {
      keep: parseKeep(args.keep),
      variant: parseVariant({
        method: args.method,
        k: args.k,
        threshold: args.threshold,
        weight: args.weight,
        margin: args.margin,
        pair: args.pair,
      }),
    };
  } catch (error) {
    throw new FlagError((error as Error).message);
  }
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowNegative: true, strict: true }).values;
  } catch (error) {
    throw new FlagError((error as Error).message);
  }
}
