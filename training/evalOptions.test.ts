import { describe, expect, it } from 'vitest';
import { PAGE_VARIANT } from './adaptVariants';
import { digitsOfWriters, parseEvalOptions, type EvalOptions } from './evalOptions';
import { FlagError } from './flags';
import { STROKE_DIGITS_FILE } from './strokeDigits';

const parse = (...argv: string[]) => parseEvalOptions(argv) as EvalOptions;
const failure = (...argv: string[]) => {
  try {
    parseEvalOptions(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(FlagError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseEvalOptions', () => {
  it('measures the shipped model on MNIST test by default', () => {
    expect(parse()).toEqual({ modelPath: 'public/model/model.json', json: false, mode: 'mnist' });
    expect(parse('--model', 'training/runs/x').modelPath).toBe('training/runs/x/model.json');
    expect(parse('--model', 'a/model.json', '--json')).toMatchObject({ json: true });
  });

  it('measures stroke digits given --strokes or --writers (all by default)', () => {
    expect(parse('--writers', 'held-out')).toMatchObject({
      mode: 'strokes',
      strokesFile: STROKE_DIGITS_FILE,
      writers: 'held-out',
    });
    expect(parse('--strokes', 'x.json')).toMatchObject({ mode: 'strokes', writers: 'all' });
  });

  it('measures non-digits, of some writers only when --writers names them', () => {
    expect(parse('--non-digits', 'f.json')).toMatchObject({ mode: 'non-digits', writers: null });
    expect(parse('--non-digits', 'f.json', '--writers', 'held-out')).toMatchObject({
      mode: 'non-digits',
      nonDigitsFile: 'f.json',
      writers: 'held-out',
    });
  });

  it("replays the held-out writers with the page's rule by default", () => {
    expect(parse('--adapt')).toMatchObject({
      mode: 'adapt',
      writers: 'held-out',
      adapt: { keep: 'corrections', variant: { ...PAGE_VARIANT } },
    });
  });

  it.each([
    [['--method', 'mean'], /--method mean: expected knn or means/],
    [['--adapt', '--keep', 'some'], /--keep some: expected corrections or all/],
    [['--adapt', '--k', 'x'], /--k x/],
    [['--writers', 'tra-3,'], /--writers tra-3,: one of held-out, validation/],
    [['--non-digits', 'f.json', '--adapt'], /give it alone/],
    [['--modle', 'x'], /Unknown option '--modle'/],
  ])('fails at once on %j', (argv, message) => {
    expect(failure(...argv)).toMatch(message);
  });
});

describe('digitsOfWriters', () => {
  const digits = ['tra-5', 'tra-3', 'tra-1', 'tra-3', 'tra-8'].map((writer, index) => ({
    writer,
    index,
  }));

  it('selects a named set or a list, in file order', () => {
    expect(digitsOfWriters(digits, 'validation').map((d) => d.index)).toEqual([1, 3, 4]);
    expect(digitsOfWriters(digits, 'held-out').map((d) => d.index)).toEqual([0]);
    expect(digitsOfWriters(digits, 'all')).toHaveLength(5);
    expect(digitsOfWriters(digits, 'tra-1,tra-3').map((d) => d.index)).toEqual([1, 2, 3]);
  });

  it('fails on a writer with no digits in the file, naming those who have', () => {
    expect(() => digitsOfWriters(digits, 'tra-3,tra-33')).toThrow(
      /unknown tra-33; valid are tra-1, tra-3, tra-5, tra-8 \(or a set: held-out, validation/,
    );
  });
});
