import { describe, expect, it } from 'vitest';
import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';
import { FlagError } from './flags';
import { ARCHITECTURES } from './model';
import {
  parseTrainOptions,
  resolveOutDir,
  RUNS_DIR,
  trainCommand,
  type TrainOptions,
} from './trainOptions';

const NOW = new Date('2026-12-02T14:53:01.250Z');
const parse = (...argv: string[]) => parseTrainOptions(argv, NOW) as TrainOptions;
const failure = (...argv: string[]) => {
  try {
    parseTrainOptions(argv, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(FlagError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseTrainOptions', () => {
  it('defaults to the recipe of the first models, written into a new run folder', () => {
    expect(parse()).toEqual({
      arch: 's32-s64',
      epochs: 12,
      seed: 42,
      batchSize: 64,
      limit: null,
      samples: { strokeRepeats: 3, strokeAugment: false, mnistClean: 0, slashedZeros: 0 },
      nonDigitShare: 0,
      validationWriters: [...VALIDATION_WRITERS],
      strokesFile: null,
      unipen: { repeats: 0, letterShare: 0 },
      distill: { teachers: [], share: 0.5, temperature: 2 },
      batchNorm: false,
      init: null,
      maxRate: 1e-3,
      outDir: `${RUNS_DIR}/s32-s64-2026-12-02T145301`,
      dryRun: false,
    });
  });

  it('writes public/model only when --out names it', () => {
    expect(parse().outDir).not.toMatch(/public/);
    expect(parse('--arch', 'fast3tall', '--name', 'model').outDir).toBe(`${RUNS_DIR}/model`);
    expect(parse('--out', 'public/model').outDir).toBe('public/model');
  });

  it('takes the old architecture names, as the shipped model.json records them', () => {
    expect(parse('--arch', 'fast3tall').arch).toBe('s24-s48-64');
    expect(parse('--arch', 'mlp').arch).toBe('dense128');
    for (const arch of ARCHITECTURES) expect(parse('--arch', arch).arch).toBe(arch);
  });

  it('fails on an unknown architecture, naming the valid ones', () => {
    const message = failure('--arch', 'fast4');
    for (const arch of ARCHITECTURES) expect(message).toContain(arch);
    expect(message).toContain('fast3tall');
  });

  it.each([
    [['--epochs', 'ten'], /--epochs must be a positive integer/],
    [['--epochs', '0'], /--epochs/],
    [['--epochs', '2.5'], /--epochs/],
    [['--seed', ''], /--seed/],
    [['--batch', '-8'], /--batch/],
    [['--limit', '1e3'], /--limit/],
    [['--stroke-repeats=-1'], /--stroke-repeats must be a number >= 0, got -1/],
    [['--non-digits', '1'], /--non-digits must be a number in \[0, 1\)/],
    [['--non-digits', 'x'], /--non-digits/],
    [['--mnist-clean', '1.5'], /--mnist-clean must be a number in \[0, 1\]/],
    [['--distill', '1.5'], /--distill must/],
    [['--distill-temperature', '0'], /--distill-temperature must be a number > 0/],
    [['--epoch', '3'], /Unknown option '--epoch'/],
    [['--max-rate', '0'], /--max-rate must be a number in \(0, 1\]/],
    [['--arch', 'mlp', '--batch-norm'], /--batch-norm is for the CNNs/],
    [['--name', 'a', '--out', 'b'], /--name or --out/],
    [['--name', '../public/model'], /--name/],
    [['--name', '..'], /--name/],
    [['--out', ''], /--out/],
    [['--validation-writers', `tra-3,${HELD_OUT_WRITERS[0]}`], /held out/],
  ])('fails at once on %j', (argv, message) => {
    expect(failure(...argv)).toMatch(message);
  });

  it('reads every flag', () => {
    const options = parse(
      ...[
        '--arch',
        's24-s48-64',
        '--epochs',
        '3',
        '--seed',
        '7',
        '--batch',
        '32',
        '--limit',
        '500',
      ],
      ...[
        '--stroke-repeats',
        '4',
        '--stroke-augment',
        '--non-digits',
        '0.1',
        '--mnist-clean',
        '0.3',
      ],
      ...['--validation-writers', 'none', '--strokes', 'x.json', '--teachers', 'a,b'],
      ...['--distill', '0.4', '--distill-temperature', '3', '--batch-norm', '--dry-run'],
    );
    expect(options).toMatchObject({
      epochs: 3,
      seed: 7,
      batchSize: 32,
      limit: 500,
      samples: { strokeRepeats: 4, strokeAugment: true, mnistClean: 0.3, slashedZeros: 0 },
      nonDigitShare: 0.1,
      validationWriters: [],
      strokesFile: 'x.json',
      distill: { teachers: ['a', 'b'], share: 0.4, temperature: 3 },
      batchNorm: true,
      dryRun: true,
    });
  });

  it('takes UNIPEN digits and letters; letters only with the not-a-digit class', () => {
    expect(
      parse('--unipen', '2', '--unipen-letters', '0.05', '--non-digits', '0.1').unipen,
    ).toEqual({ repeats: 2, letterShare: 0.05 });
    expect(parse().unipen).toEqual({ repeats: 0, letterShare: 0 });
    expect(() => parse('--unipen-letters', '0.05')).toThrow(/needs --non-digits/);
    expect(() => parse('--unipen', '-1')).toThrow(/--unipen/);
    expect(() => parse('--unipen-letters', '1', '--non-digits', '0.1')).toThrow(/--unipen-letters/);
  });

  it('answers --help', () => {
    expect(parseTrainOptions(['--help'], NOW)).toBe('help');
  });
});

describe('resolveOutDir', () => {
  it('keeps a named run inside the runs folder', () => {
    expect(resolveOutDir(undefined, 'kd-2')).toBe(`${RUNS_DIR}/kd-2`);
    for (const name of ['public/model', '../../public/model', '.', '', '/tmp/x']) {
      expect(() => resolveOutDir(undefined, name)).toThrow(FlagError);
    }
  });
});

describe('trainCommand', () => {
  it('records the shipped model the way it was recorded then', () => {
    const options = parse(
      ...['--arch', 'fast3tall', '--stroke-repeats', '4', '--stroke-augment', '--non-digits'],
      ...['0.1', '--teachers', 'training/runs/fast3,training/runs/fast3tall'],
    );
    expect(trainCommand(options)).toBe(
      'npm run train -- --arch s24-s48-64 --epochs 12 --seed 42 --batch 64 --stroke-repeats 4 ' +
        '--stroke-augment --non-digits 0.1 --teachers training/runs/fast3,training/runs/fast3tall ' +
        '--distill 0.5 --distill-temperature 2',
    );
  });

  it('repeats the run: its command parses back to the same options', () => {
    const options = parse(
      ...['--arch', 'p32-p64-64', '--epochs', '3', '--limit', '500', '--batch-norm'],
      ...['--mnist-clean', '0.3', '--validation-writers', 'none', '--strokes', 'x.json'],
      ...['--name', 'run', '--unipen', '1.5', '--unipen-letters', '0.05', '--non-digits', '0.1'],
      ...['--init', 'public/model', '--max-rate', '0.0003'],
    );
    const argv = trainCommand(options).split(' ').slice(4);
    expect(parse(...argv, '--name', 'run')).toEqual(options);
  });
});
