import { argMax, softmax } from '../model/softmax';
import {
  UserModelError,
  type Convention,
  type InputRange,
  type OutputKind,
  type Polarity,
  type UserModel,
} from './UserModel';

// The page's input is 784 floats in 0..1, a white digit on black (MNIST). A person's model
// may have been trained on another range or on black digits on white; these map one to the
// other, and read the known test drawings to guess which one a model wants.

export type InputConvention = Pick<Convention, 'range' | 'polarity'>;
export type ProbeScore = UserModel['probeScores'][number];

export const INPUT_RANGES: readonly InputRange[] = ['0..1', '0..255', '-1..1'];
export const POLARITIES: readonly Polarity[] = ['white-on-black', 'black-on-white'];

/**
 * The six input conventions in the order ties go by: the page's own (0..1, white on black)
 * first, the scaled-up 0..255 after the others, inverted polarity after the page's.
 */
export const INPUT_CONVENTIONS: readonly InputConvention[] = POLARITIES.flatMap((polarity) =>
  (['0..1', '-1..1', '0..255'] as const).map((range) => ({ range, polarity })),
);

/** A page input (0..1, white on black) as a model trained under `convention` expects it. */
export function toModelInput(input: Float32Array, convention: InputConvention): Float32Array {
  const invert = convention.polarity === 'black-on-white';
  const [scale, offset] =
    convention.range === '0..255' ? [255, 0] : convention.range === '-1..1' ? [2, -1] : [1, 0];
  return input.map((v) => (invert ? 1 - v : v) * scale + offset);
}

/** Ten outputs as probabilities: the softmax of logits, or probabilities as given. */
export function readOutputs(outputs: ArrayLike<number>, kind: OutputKind): number[] {
  return kind === 'logits' ? softmax(outputs) : Array.from(outputs);
}

/**
 * Probabilities if the model ends in a softmax, or if every row is already a distribution
 * (each value in 0..1, summing to 1 within 1e-3); logits otherwise.
 */
export function guessOutputKind(
  rows: readonly ArrayLike<number>[],
  endsInSoftmax = false,
): OutputKind {
  if (endsInSoftmax) return 'probabilities';
  const distribution = (row: ArrayLike<number>) => {
    const values = Array.from(row);
    const sum = values.reduce((a, b) => a + b, 0);
    return values.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) <= 1e-3;
  };
  return rows.length > 0 && rows.every(distribution) ? 'probabilities' : 'logits';
}

/** Reads model inputs (already in the model's convention) in one call: one row per input. */
export type ReadRows = (inputs: readonly Float32Array[]) => Promise<Float32Array[]>;

/**
 * Reads the known test drawings under each of the six input conventions in one batched call,
 * and keeps the convention that reads most of them right; ties go to the earlier convention of
 * INPUT_CONVENTIONS. Not to the more confident one: a relu network fed inputs scaled up (0..255
 * for 0..1, or black-on-white -1..1 for 0..1, which doubles the ink) often still reads MNIST
 * right, and more confidently (a template-matching network built for 0..1 read 20 of 20 under
 * 0..1 and under 0..255, more confidently under 0..255). Conventions whose outputs are not all finite
 * score nothing; if none is finite the model is refused.
 */
export async function guessConvention(
  read: ReadRows,
  probes: { inputs: readonly Float32Array[]; labels: readonly number[] },
  endsInSoftmax = false,
): Promise<{ guessed: Convention; probeScores: ProbeScore[] }> {
  const count = probes.inputs.length;
  const batch = INPUT_CONVENTIONS.flatMap((c) => probes.inputs.map((p) => toModelInput(p, c)));
  const rows = await read(batch);
  const rowsOf = (i: number) => rows.slice(i * count, (i + 1) * count);
  const finite = INPUT_CONVENTIONS.map((_, i) => rowsOf(i).every((r) => r.every(Number.isFinite)));
  if (!finite.some(Boolean)) {
    const bad = rows.find((r) => !r.every(Number.isFinite)) ?? [];
    throw new UserModelError(
      'The model gives NaN or infinite scores for a test drawing: its weights may be damaged.',
      `outputs ${Array.from(bad).join(', ')}`,
    );
  }
  const output = guessOutputKind(
    rows.filter((_, r) => finite[Math.floor(r / count)]),
    endsInSoftmax,
  );
  const scored = INPUT_CONVENTIONS.map((convention, i) => {
    const right = finite[i]
      ? rowsOf(i).filter((row, k) => argMax(row) === probes.labels[k]).length
      : 0;
    return { convention, right };
  });
  // A stable sort: among equals, the order of INPUT_CONVENTIONS.
  const ranked = [...scored].sort((a, b) => b.right - a.right);
  const best = ranked[0]!.convention;
  return {
    guessed: { range: best.range, polarity: best.polarity, output },
    probeScores: ranked.map(({ convention, right }) => ({ ...convention, right, total: count })),
  };
}
