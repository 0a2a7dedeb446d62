import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Convention, UserModel, UserPrediction } from './UserModel';
import { createUserPredictionLoop, inputsKey, type UserBatch } from './userPredictionLoop';

const CONVENTION: Convention = { range: '0..1', polarity: 'white-on-black', output: 'logits' };
const OTHER: Convention = { ...CONVENTION, range: '0..255' };

/** Digits `version`, its one input tagged with the version so a call shows what it reads. */
const digits = (version: number): UserBatch => ({
  key: String(version),
  inputs: [Float32Array.of(version)],
});
const cleared: UserBatch = { key: '', inputs: [] };
const answer = (digit: number): UserPrediction => ({
  outputs: [],
  probabilities: [],
  digit,
  confidence: 0.9,
});

/** A model whose predictions are settled by hand, counting how many run at once. */
function fakeModel() {
  const calls: { version: number; convention: Convention; settle(o: number | Error): void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const predict = (inputs: readonly Float32Array[], convention: Convention) =>
    new Promise<UserPrediction[]>((resolve, reject) => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      calls.push({
        version: inputs[0]![0]!,
        convention,
        settle(outcome) {
          running--;
          if (outcome instanceof Error) reject(outcome);
          else resolve([answer(outcome)]);
        },
      });
    });
  const model = { predict } as Pick<UserModel, 'predict'> as UserModel;
  return { model, calls, mostAtOnce: () => mostAtOnce };
}

const landed = () => new Promise((resolve) => setTimeout(resolve, 0));
const shown = (loop: ReturnType<typeof createUserPredictionLoop>) => {
  const result = loop.getResult();
  return result && { key: result.batch.key, digit: result.predictions?.[0]?.digit ?? null };
};

describe('createUserPredictionLoop', () => {
  beforeEach(() => performance.clearMeasures('user-predict'));
  afterEach(() => vi.restoreAllMocks());

  it('waits for a model, then reads the digits under its convention, timed', async () => {
    const loop = createUserPredictionLoop();
    const { model, calls } = fakeModel();
    loop.setInput(digits(1));
    expect(calls).toHaveLength(0);
    loop.setModel(model, CONVENTION);
    expect(calls.map((c) => [c.version, c.convention])).toEqual([[1, CONVENTION]]);
    calls[0]!.settle(3);
    await landed();
    expect(shown(loop)).toEqual({ key: '1', digit: 3 });
    expect(loop.getResult()!.ms).toBeGreaterThanOrEqual(0);
    expect(performance.getEntriesByName('user-predict')).toHaveLength(1);
    loop.setModel(model, CONVENTION); // the same again changes nothing
    expect(calls).toHaveLength(1);
  });

  it('keeps one prediction in flight and reads the newest digits next', async () => {
    const loop = createUserPredictionLoop();
    const { model, calls, mostAtOnce } = fakeModel();
    loop.setModel(model, CONVENTION);
    loop.setInput(digits(1));
    loop.setInput(digits(2));
    loop.setInput(digits(3));
    calls[0]!.settle(1);
    await landed();
    expect(calls.map((c) => c.version)).toEqual([1, 3]);
    expect(shown(loop)).toEqual({ key: '1', digit: 1 });
    calls[1]!.settle(3);
    await landed();
    expect(shown(loop)).toEqual({ key: '3', digit: 3 });
    expect(mostAtOnce()).toBe(1);
  });

  it('drops the answer of a replaced model or convention and reads again', async () => {
    const loop = createUserPredictionLoop();
    const first = fakeModel();
    const second = fakeModel();
    loop.setModel(first.model, CONVENTION);
    loop.setInput(digits(1));
    loop.setModel(second.model, CONVENTION);
    first.calls[0]!.settle(1);
    await landed();
    expect(shown(loop)).toBeNull();
    expect(second.calls.map((c) => c.version)).toEqual([1]);
    second.calls[0]!.settle(2);
    await landed();
    expect(shown(loop)).toEqual({ key: '1', digit: 2 });

    loop.setModel(second.model, OTHER);
    expect(shown(loop)).toBeNull();
    expect(second.calls.at(-1)!.convention).toBe(OTHER);
    second.calls.at(-1)!.settle(4);
    await landed();
    expect(shown(loop)).toEqual({ key: '1', digit: 4 });
  });

  it('shows nothing once cleared, not a late answer, and reads a drawing brought back', async () => {
    const loop = createUserPredictionLoop();
    const { model, calls } = fakeModel();
    loop.setModel(model, CONVENTION);
    loop.setInput(digits(1));
    loop.setInput(cleared);
    calls[0]!.settle(1);
    await landed();
    expect(shown(loop)).toBeNull();
    loop.setInput(digits(1));
    expect(calls).toHaveLength(2);
  });

  it('reports a failed prediction as an error', async () => {
    const loop = createUserPredictionLoop();
    const { model, calls } = fakeModel();
    loop.setModel(model, CONVENTION);
    loop.setInput(digits(1));
    calls[0]!.settle(new Error('NaN outputs'));
    await landed();
    expect(loop.getResult()).toMatchObject({ predictions: null, error: 'NaN outputs' });
  });

  it('measures inference and read-back alone, as ms, and no time for a failure', async () => {
    performance.clearMeasures('predict');
    let now = 100;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const loop = createUserPredictionLoop();
    const { model, calls } = fakeModel();
    loop.setModel(model, CONVENTION);
    loop.setInput(digits(1));
    now = 112;
    calls[0]!.settle(1);
    await landed();
    expect(loop.getResult()!.ms).toBe(12);
    loop.setInput(digits(2));
    calls[1]!.settle(new Error('failed'));
    await landed();
    expect(loop.getResult()).toMatchObject({ error: 'failed', ms: 0 });
    const taken = performance
      .getEntriesByName('user-predict')
      .map(({ startTime, duration }) => ({ startTime, duration }));
    expect(taken).toEqual([{ startTime: 100, duration: 12 }]);
    expect(performance.getEntriesByName('predict')).toHaveLength(0);
  });

  it('reads nothing until the model has a convention too', async () => {
    const loop = createUserPredictionLoop();
    const { model, calls } = fakeModel();
    loop.setInput(digits(1));
    loop.setModel(model, null);
    expect(calls).toHaveLength(0);
    loop.setModel(model, CONVENTION);
    expect(calls).toHaveLength(1);
    loop.setModel(null, null);
    calls[0]!.settle(1);
    await landed();
    expect(shown(loop)).toBeNull();
  });

  it('names inputs by identity', () => {
    const a = new Float32Array(2);
    const b = new Float32Array(2);
    expect(inputsKey([a, b])).toBe(inputsKey([a, b]));
    expect(inputsKey([a, b])).not.toBe(inputsKey([b, a]));
    expect(inputsKey([a])).not.toBe(inputsKey([new Float32Array(2)]));
  });
});
