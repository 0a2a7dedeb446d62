import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';
import { FlagError, numberIn, oneOf, positiveInt } from './flags';
import { ARCHITECTURE_ALIASES, ARCHITECTURES, type Architecture } from './model';
import type { SampleOptions } from './trainingSamples';

/** Where runs go unless `--out` says otherwise; git-ignored. Never the shipped model. */
export const RUNS_DIR = 'training/runs';

/** Everything one training run is told, parsed and checked once, then passed along. */
export interface TrainOptions {
  arch: Architecture;
  epochs: number;
  seed: number;
  batchSize: number;
  /** Train on the first N MNIST images only: a quick end-to-end check of the pipeline. */
  limit: number | null;
  samples: Required<SampleOptions>;
  /** Generated non-digits per epoch, as a share of the epoch's digits; 0: no such class. */
  nonDigitShare: number;
  /** Training writers kept out of training to pick the epoch and calibrate on. */
  validationWriters: string[];
  /** Stroke digits file; null: the repository's (STROKE_DIGITS_FILE). */
  strokesFile: string | null;
  /**
   * UNIPEN (data/unipen/): each training writer's digit `repeats` times per epoch (its
   * validation writers join validation), and its training writers' letters that no digit
   * resembles as non-digits, `letterShare` of an epoch's digits. 0 and 0: not used.
   */
  unipen: { repeats: number; letterShare: number };
  distill: { teachers: string[]; share: number; temperature: number };
  batchNorm: boolean;
  /**
   * Start from this trained run's weights (same architecture) instead of fresh ones: to
   * fine-tune a shipped model on new data. null: fresh weights from the seed.
   */
  init: string | null;
  /** The learning rate of the first epoch, decayed along a cosine to MIN_RATE in the last. */
  maxRate: number;
  /** Where the model is written: `--out`, else RUNS_DIR/<name>. */
  outDir: string;
  /** Check the options and build the model, then stop: nothing trained or written. */
  dryRun: boolean;
}

export const USAGE = `npm run train -- [--arch ARCH] [--epochs N] [--seed N] [--batch N]
                  [--name NAME | --out DIR] [--stroke-repeats N] [--stroke-augment]
                  [--non-digits SHARE] [--validation-writers tra-3,...|none] [--strokes FILE]
                  [--teachers DIR,... [--distill SHARE] [--distill-temperature T]] [--batch-norm]
                  [--mnist-clean SHARE] [--slashed-zeros SHARE] [--unipen N]
                  [--unipen-letters SHARE] [--init DIR] [--max-rate R] [--limit N]
                  [--dry-run]
  --arch ARCH         ${ARCHITECTURES.join(', ')} (default s32-s64):
                      each conv's filters, s = stride 2, p = max-pooled; see training/model.ts
  --name NAME         write to ${RUNS_DIR}/NAME (default: ARCH and the time)
  --out DIR           write to DIR instead; public/model only when named here (or npm run ship)
  --non-digits SHARE  also learn "not a digit" from generated letters, scribbles and shapes,
                      SHARE of an epoch's digits in [0, 1) (e.g. 0.1); adds a second output
  --teachers DIRS     distillation: each batch's targets are (1 - SHARE) x the labels + SHARE x
                      the teachers' mean probabilities at temperature T (trained models of this
                      pipeline, with the same outputs as the student)
  --batch-norm        batch normalisation after each convolution while training, folded into
                      the convolutions for export (the served network is unchanged)
  --mnist-clean SHARE serve this share in [0, 1] of MNIST images unwarped (the rest are rotated,
                      scaled, sheared, shifted, thickened), as MNIST test is; default 0
  --slashed-zeros SHARE  give this share in [0, 1] of the stroke zeros a slash through them
                      (how engineers write 0; see training/slashedZero.ts); default 0
  --unipen N          also train on UNIPEN's training writers (data/unipen/split.json), each
                      digit N times per epoch; its validation writers join validation
  --unipen-letters SHARE  UNIPEN training writers' letters that no digit resembles as
                      non-digits, SHARE of an epoch's digits in [0, 1); needs --non-digits
  --init DIR          start from the weights of a trained model of the same architecture (a run
                      or public/model) instead of fresh ones: fine-tuning; default none
  --max-rate R        the first epoch's learning rate, decayed along a cosine to 2e-5 in the
                      last; default 1e-3 (fine-tuning from --init wants less, e.g. 2e-4)
  --dry-run           check the options (writers against the strokes file), build the model
                      and any teachers; train nothing, write nothing`;

/** The first epoch's learning rate unless `--max-rate` says otherwise. */
export const DEFAULT_MAX_RATE = 1e-3;

const FLAGS = {
  arch: { type: 'string', default: 's32-s64' },
  epochs: { type: 'string', default: '12' },
  seed: { type: 'string', default: '42' },
  batch: { type: 'string', default: '64' },
  name: { type: 'string' },
  out: { type: 'string' },
  'stroke-repeats': { type: 'string', default: '3' },
  'stroke-augment': { type: 'boolean', default: false },
  'non-digits': { type: 'string', default: '0' },
  limit: { type: 'string' },
  'validation-writers': { type: 'string', default: VALIDATION_WRITERS.join(',') },
  strokes: { type: 'string' },
  teachers: { type: 'string' },
  distill: { type: 'string', default: '0.5' },
  'distill-temperature': { type: 'string', default: '2' },
  'batch-norm': { type: 'boolean', default: false },
  'mnist-clean': { type: 'string', default: '0' },
  'slashed-zeros': { type: 'string', default: '0' },
  unipen: { type: 'string', default: '0' },
  'unipen-letters': { type: 'string', default: '0' },
  init: { type: 'string' },
  'max-rate': { type: 'string', default: String(DEFAULT_MAX_RATE) },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/**
 * The command line as options, or 'help'. Throws FlagError on an unknown flag or value, naming
 * the valid ones. `now` names the run when neither `--name` nor `--out` does.
 */
export function parseTrainOptions(argv: readonly string[], now: Date): TrainOptions | 'help' {
  const args = parseFlags(argv);
  if (args.help) return 'help';
  const arch = oneOf('arch', args.arch, ARCHITECTURES, ARCHITECTURE_ALIASES);
  if (args['batch-norm'] && arch === 'dense128') {
    throw new FlagError('--batch-norm is for the CNNs, not dense128');
  }
  if (args.name !== undefined && args.out !== undefined) {
    throw new FlagError('give --name or --out, not both');
  }
  const nonDigitShare = numberIn('non-digits', args['non-digits'], {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  return {
    arch,
    epochs: positiveInt('epochs', args.epochs),
    seed: positiveInt('seed', args.seed),
    batchSize: positiveInt('batch', args.batch),
    limit: args.limit === undefined ? null : positiveInt('limit', args.limit),
    samples: {
      strokeRepeats: numberIn('stroke-repeats', args['stroke-repeats'], { min: 0 }),
      strokeAugment: args['stroke-augment'],
      mnistClean: numberIn('mnist-clean', args['mnist-clean'], { min: 0, max: 1 }),
      slashedZeros: numberIn('slashed-zeros', args['slashed-zeros'], { min: 0, max: 1 }),
    },
    nonDigitShare,
    validationWriters: validationWriters(args['validation-writers']),
    strokesFile: args.strokes ?? null,
    unipen: unipenOptions(args.unipen, args['unipen-letters'], nonDigitShare),
    distill: {
      teachers: args.teachers ? args.teachers.split(',') : [],
      share: numberIn('distill', args.distill, { min: 0, max: 1 }),
      temperature: numberIn('distill-temperature', args['distill-temperature'], {
        min: 0,
        minExclusive: true,
      }),
    },
    batchNorm: args['batch-norm'],
    init: args.init ?? null,
    maxRate: numberIn('max-rate', args['max-rate'], { min: 0, minExclusive: true, max: 1 }),
    outDir: resolveOutDir(args.out, args.name ?? defaultRunName(arch, now)),
    dryRun: args['dry-run'],
  };
}

/** `--out` as given, else the run's folder under RUNS_DIR: public/model only when asked. */
export function resolveOutDir(out: string | undefined, name: string): string {
  if (out !== undefined) {
    if (out.trim() === '') throw new FlagError('--out needs a folder');
    return out;
  }
  // A plain name keeps the run inside RUNS_DIR: no separators, no leading dot ('..').
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new FlagError(`--name ${name}: letters, digits, '.', '_' and '-' only`);
  }
  return join(RUNS_DIR, name);
}

/** e.g. s24-s48-64-2026-12-02T145301: the architecture, then the time to the second. */
export function defaultRunName(arch: Architecture, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '');
  return `${arch}-${stamp}`;
}

/**
 * The command that repeats a run, recorded in its model.json: every option that shapes the
 * model, in the order the first models recorded them; where it is written is left out.
 */
export function trainCommand(o: TrainOptions): string {
  const { samples, distill } = o;
  const parts = [
    `--arch ${o.arch} --epochs ${o.epochs} --seed ${o.seed} --batch ${o.batchSize}`,
    `--stroke-repeats ${samples.strokeRepeats}`,
    samples.strokeAugment && '--stroke-augment',
    o.nonDigitShare && `--non-digits ${o.nonDigitShare}`,
    o.batchNorm && '--batch-norm',
    samples.mnistClean && `--mnist-clean ${samples.mnistClean}`,
    samples.slashedZeros && `--slashed-zeros ${samples.slashedZeros}`,
    distill.teachers.length &&
      `--teachers ${distill.teachers.join(',')} --distill ${distill.share} ` +
        `--distill-temperature ${distill.temperature}`,
    o.validationWriters.join(',') !== VALIDATION_WRITERS.join(',') &&
      `--validation-writers ${o.validationWriters.join(',') || 'none'}`,
    o.strokesFile && `--strokes ${o.strokesFile}`,
    o.unipen.repeats && `--unipen ${o.unipen.repeats}`,
    o.unipen.letterShare && `--unipen-letters ${o.unipen.letterShare}`,
    o.init && `--init ${o.init}`,
    o.maxRate !== DEFAULT_MAX_RATE && `--max-rate ${o.maxRate}`,
    o.limit && `--limit ${o.limit}`,
  ];
  return `npm run train -- ${parts.filter(Boolean).join(' ')}`;
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, strict: true }).values;
  } catch (error) {
    // parseArgs names the flag; the usage names the valid ones.
    throw new FlagError((error as Error).message);
  }
}

/** UNIPEN's digits and letters; letters are non-digits, so the model needs that class. */
function unipenOptions(repeats: string, letters: string, nonDigitShare: number) {
  const options = {
    repeats: numberIn('unipen', repeats, { min: 0 }),
    letterShare: numberIn('unipen-letters', letters, { min: 0, max: 1, maxExclusive: true }),
  };
  if (options.letterShare > 0 && nonDigitShare === 0) {
    throw new FlagError('--unipen-letters needs --non-digits SHARE > 0 (the not-a-digit class)');
  }
  return options;
}

/** The validation writers: a list, or none; never a held-out writer (those are for reports). */
function validationWriters(value: string): string[] {
  if (value === 'none') return [];
  const writers = value.split(',').map((w) => w.trim());
  if (writers.some((w) => w === ''))
    throw new FlagError(`--validation-writers ${value}: empty name`);
  const heldOut = writers.filter((w) => HELD_OUT_WRITERS.includes(w));
  if (heldOut.length) {
    throw new FlagError(
      `--validation-writers: ${heldOut.join(', ')} held out (${HELD_OUT_WRITERS.join(', ')}), never trained or calibrated on`,
    );
  }
  return writers;
}
