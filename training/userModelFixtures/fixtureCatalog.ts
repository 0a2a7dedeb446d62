import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Convention, UserModelFormat } from '../../src/usermodel/UserModel';

// What each committed fixture in e2e/user-models/ is, in one place: the generator writes
// from it, the Node check tests against it, and e2e specs can read the expected
// `data-format`, `data-input-shape`, `data-output` and convention from it.

/** e2e/user-models/, where the fixture folders are committed. */
export const USER_MODELS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../e2e/user-models',
);

/** A fixture folder: relative paths are under USER_MODELS_DIR ('cnn-graph', 'broken/...'). */
export const fixturePath = (dir: string) => (isAbsolute(dir) ? dir : resolve(USER_MODELS_DIR, dir));

export interface GoodFixture {
  dir: string;
  format: UserModelFormat;
  /** As the model declares it (graph: its signature; layers: its input layer). */
  inputShape: number[];
  /** What the model expects and gives; the page's input is 0..1 white-on-black. */
  convention: Convention;
  /** The layers fixture whose weights it carries (itself for a layers fixture). */
  source: 'dense128-layers' | 'cnn-layers';
}

const PAGE = { range: '0..1', polarity: 'white-on-black' } as const;

export const GOOD_FIXTURES: readonly GoodFixture[] = [
  {
    dir: 'dense128-layers',
    format: 'layers',
    inputShape: [-1, 28, 28],
    convention: { ...PAGE, output: 'logits' },
    source: 'dense128-layers',
  },
  {
    dir: 'cnn-layers',
    format: 'layers',
    inputShape: [-1, 28, 28],
    convention: { ...PAGE, output: 'logits' },
    source: 'cnn-layers',
  },
  {
    dir: 'dense-graph',
    format: 'graph',
    inputShape: [-1, 784],
    convention: { ...PAGE, output: 'logits' },
    source: 'dense128-layers',
  },
  {
    dir: 'cnn-graph',
    format: 'graph',
    inputShape: [-1, 28, 28, 1],
    convention: { ...PAGE, output: 'probabilities' },
    source: 'cnn-layers',
  },
  {
    dir: 'dense-graph-255-inverted',
    format: 'graph',
    inputShape: [-1, 28, 28],
    convention: { range: '0..255', polarity: 'black-on-white', output: 'probabilities' },
    source: 'dense128-layers',
  },
  {
    dir: 'dense-graph-minus1to1',
    format: 'graph',
    inputShape: [-1, 28, 28, 1],
    convention: { range: '-1..1', polarity: 'white-on-black', output: 'logits' },
    source: 'dense128-layers',
  },
];

export type BrokenProblem =
  | 'not-tfjs'
  | 'missing-shard'
  | 'short-shard'
  | 'wrong-input'
  | 'wrong-output'
  | 'unsupported-op'
  | 'nan-output';

export interface BrokenFixture {
  dir: `broken/${BrokenProblem}`;
  problem: BrokenProblem;
  /** The format its model.json claims; null for a JSON that is no tfjs model. */
  format: UserModelFormat | null;
}

const broken = (problem: BrokenProblem, format: UserModelFormat | null): BrokenFixture => ({
  dir: `broken/${problem}`,
  problem,
  format,
});

export const BROKEN_FIXTURES: readonly BrokenFixture[] = [
  broken('not-tfjs', null),
  broken('missing-shard', 'layers'),
  broken('short-shard', 'layers'),
  broken('wrong-input', 'graph'),
  broken('wrong-output', 'graph'),
  broken('unsupported-op', 'graph'),
  broken('nan-output', 'graph'),
];
