import { describe, expect, it } from 'vitest';
import {
  guessConvention,
  guessOutputKind,
  INPUT_CONVENTIONS,
  readOutputs,
  toModelInput,
  type InputConvention,
} from './conventions';
import { UserModelError } from './UserModel';

const page: InputConvention = { range: '0..1', polarity: 'white-on-black' };
const values = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 1e6) / 1e6);

describe('toModelInput', () => {
  const input = new Float32Array([0, 0.25, 1]);
  it('keeps the page input for 0..1, white on black', () => {
    expect(values(toModelInput(input, page))).toEqual([0, 0.25, 1]);
  });
  it('scales to 0..255 and to -1..1', () => {
    expect(values(toModelInput(input, { ...page, range: '0..255' }))).toEqual([0, 63.75, 255]);
    expect(values(toModelInput(input, { ...page, range: '-1..1' }))).toEqual([-1, -0.5, 1]);
  });
  it('inverts before scaling for black on white', () => {
    const inverted = { range: '-1..1', polarity: 'black-on-white' } as const;
    expect(values(toModelInput(input, inverted))).toEqual([1, 0.5, -1]);
    expect(values(toModelInput(input, { ...inverted, range: '0..255' }))).toEqual([255, 191.25, 0]);
  });
});

describe('readOutputs and guessOutputKind', () => {
  it('softmaxes logits and keeps probabilities as given', () => {
    const p = readOutputs([0, Math.log(3)], 'logits');
    expect(p[0]).toBeCloseTo(0.25, 6);
    expect(p[1]).toBeCloseTo(0.75, 6);
    expect(readOutputs([0.2, 0.8], 'probabilities')).toEqual([0.2, 0.8]);
  });
  it('calls rows that are distributions probabilities, anything else logits', () => {
    expect(
      guessOutputKind([
        [0.1, 0.9],
        [0.5, 0.4995],
      ]),
    ).toBe('probabilities');
    expect(
      guessOutputKind([
        [0.1, 0.9],
        [0.5, 0.49],
      ]),
    ).toBe('logits');
    expect(guessOutputKind([[-0.1, 1.1]])).toBe('logits');
    expect(guessOutputKind([[3, -2]], true)).toBe('probabilities');
    expect(guessOutputKind([])).toBe('logits');
  });
});

describe('guessConvention', () => {
  // Two probes, labels 0 and 1, told apart under every convention by their values.
  const probes = {
    inputs: [new Float32Array([0.8, 0.1]), new Float32Array([0.1, 0.8])],
    labels: [0, 1],
  };
  const same = (a: Float32Array, b: Float32Array) => a.every((v, i) => v === b[i]);
  /** Which convention and probe a fed input is. */
  const identify = (input: Float32Array) => {
    for (const convention of INPUT_CONVENTIONS) {
      const k = probes.inputs.findIndex((p) => same(toModelInput(p, convention), input));
      if (k >= 0) return { convention, label: probes.labels[k]! };
    }
    throw new Error(`unknown input ${input.join(', ')}`);
  };
  const key = (c: InputConvention) => `${c.range} ${c.polarity}`;
  /** A fake model: right under the conventions `right` accepts, NaN under those `bad` does. */
  const fake = (
    right: (c: InputConvention) => boolean,
    bad: (c: InputConvention) => boolean = () => false,
    margin: (c: InputConvention) => number = () => 2,
  ) => {
    const batches: number[] = [];
    const read = async (inputs: readonly Float32Array[]) => {
      batches.push(inputs.length);
      return inputs.map((input) => {
        const { convention, label } = identify(input);
        if (bad(convention)) return new Float32Array([NaN, 0]);
        const digit = right(convention) ? label : 1 - label;
        const m = margin(convention);
        return new Float32Array(digit === 0 ? [m, 0] : [0, m]);
      });
    };
    return { read, batches };
  };

  it('reads every probe under all six conventions in one call', async () => {
    const { read, batches } = fake(() => true);
    await guessConvention(read, probes);
    expect(batches).toEqual([12]);
  });
  it('keeps the convention that reads most probes right', async () => {
    for (const wanted of INPUT_CONVENTIONS) {
      const { read } = fake((c) => key(c) === key(wanted));
      const { guessed, probeScores } = await guessConvention(read, probes);
      expect({ range: guessed.range, polarity: guessed.polarity }).toEqual(wanted);
      expect(probeScores[0]).toEqual({ ...wanted, right: 2, total: 2 });
      expect(probeScores.slice(1).map((s) => s.right)).toEqual([0, 0, 0, 0, 0]);
    }
  });
  it('breaks ties by the order of preference, not by confidence', async () => {
    const scaled = (c: InputConvention) => (c.range === '0..1' ? 2 : 9);
    const { read } = fake(() => true, undefined, scaled);
    const { guessed, probeScores } = await guessConvention(read, probes);
    expect(guessed).toEqual({ ...page, output: 'logits' });
    expect(probeScores.map((s) => `${s.range} ${s.polarity}`)).toEqual([
      '0..1 white-on-black',
      '-1..1 white-on-black',
      '0..255 white-on-black',
      '0..1 black-on-white',
      '-1..1 black-on-white',
      '0..255 black-on-white',
    ]);
  });
  it("puts the page's own convention first among equals", async () => {
    const { read } = fake(() => true);
    expect((await guessConvention(read, probes)).guessed.range).toBe('0..1');
    const { read: notPage } = fake((c) => key(c) !== key(page));
    const { guessed, probeScores } = await guessConvention(notPage, probes);
    expect(guessed).toEqual({ range: '-1..1', polarity: 'white-on-black', output: 'logits' });
    expect(probeScores.at(-1)).toEqual({ ...page, right: 0, total: 2 });
  });
  it('guesses probabilities when the model ends in a softmax (these rows are logits)', async () => {
    const { read } = fake(() => true);
    expect((await guessConvention(read, probes)).guessed.output).toBe('logits');
    expect((await guessConvention(read, probes, true)).guessed.output).toBe('probabilities');
  });
  it('scores a convention with NaN outputs as nothing, and refuses a model NaN under all', async () => {
    const { read } = fake(
      () => true,
      (c) => key(c) === key(page),
    );
    const { guessed, probeScores } = await guessConvention(read, probes);
    expect(guessed.range).toBe('-1..1');
    expect(probeScores.at(-1)).toEqual({ ...page, right: 0, total: 2 });
    const { read: allBad } = fake(
      () => true,
      () => true,
    );
    await expect(guessConvention(allBad, probes)).rejects.toThrow(UserModelError);
    await expect(guessConvention(allBad, probes)).rejects.toThrow(/NaN or infinite/);
  });
});
