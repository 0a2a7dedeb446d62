import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Classifier, Prediction } from './classifier';
import { batchView, createPredictionLoop, type PreparedBatch } from './predictionLoop';

/** Drawing `version`, its input tagged with the version so a call shows what it predicts. */
const drawing = (version: number, preprocessMs = 5): PreparedBatch => ({
  key: `${version}/mnist`,
  inputs: [Float32Array.of(version)],
  preprocessMs,
});
const cleared = (version: number): PreparedBatch => ({ ...drawing(version), inputs: [] });
const scores = (digit: number): Prediction => ({
  logits: [],
  notDigitLogit: null,
  probabilities: [],
  digit,
  confidence: 0.9,
  notDigit: null,
  verdict: 'sure',
  alternatives: [digit, (digit + 1) % 10],
});

/** A classifier whose predictions are settled by hand, counting how many run at once. */
function fakeClassifier() {
  const calls: { version: number; settle(outcome: Prediction | Error): void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const predict = (inputs: readonly Float32Array[]) =>
    new Promise<Prediction[]>((resolve, reject) => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      calls.push({
        version: inputs[0]![0]!,
        settle(outcome) {
          running--;
          if (outcome instanceof Error) reject(outcome);
          else resolve([outcome]);
        },
      });
    });
  const classifier = { predict } as Pick<Classifier, 'predict'> as Classifier;
  return { classifier, calls, mostAtOnce: () => mostAtOnce };
}

/** Lets settled predictions land and the loop start the next one. */
const landed = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const loop = createPredictionLoop();
  const fake = fakeClassifier();
  let current = cleared(0);
  const draw = (batch: PreparedBatch) => {
    current = batch;
    loop.setInput(batch);
  };
  /** The view in short: its state, the (single) prediction shown, its error. */
  const view = () => {
    const { state, shown, error } = batchView(current, loop.getResult());
    return { state, prediction: shown?.predictions[0] ?? null, error };
  };
  return { loop, ...fake, draw, view };
}

describe('createPredictionLoop', () => {
  beforeEach(() => performance.clearMeasures('predict'));
  afterEach(() => vi.restoreAllMocks());

  it('waits for the model while drawn on, then predicts the drawing', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    expect(view().state).toBe('empty');
    draw(drawing(1));
    expect(view()).toEqual({ state: 'pending', prediction: null, error: null });
    loop.setClassifier(classifier);
    expect(calls.map((c) => c.version)).toEqual([1]);
    calls[0]!.settle(scores(7));
    await landed();
    expect(view()).toEqual({ state: 'done', prediction: scores(7), error: null });
    loop.setClassifier(classifier); // the same one again (a re-run effect) changes nothing
    expect(calls).toHaveLength(1);
  });

  it('runs one prediction at a time; the newest drawing is predicted next', async () => {
    const { loop, classifier, calls, mostAtOnce, draw, view } = setUp();
    loop.setClassifier(classifier);
    draw(drawing(1));
    draw(drawing(2));
    draw(drawing(3));
    draw(drawing(4));
    calls[0]!.settle(scores(1));
    await landed();
    expect(calls.map((c) => c.version)).toEqual([1, 4]);
    expect(mostAtOnce()).toBe(1);
    // Drawing 4 is pending, showing drawing 1's scores meanwhile.
    expect(view()).toEqual({ state: 'pending', prediction: scores(1), error: null });
    calls[1]!.settle(scores(4));
    await landed();
    expect(view().prediction).toEqual(scores(4));
    expect(calls).toHaveLength(2);
  });

  it('predicts the current drawing again with a new classifier, not with a replaced one', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    const rebuilt = fakeClassifier();
    loop.setClassifier(classifier);
    draw(drawing(1));
    loop.setClassifier(rebuilt.classifier);
    calls[0]!.settle(scores(1));
    await landed();
    expect(view().state).toBe('pending');
    expect(rebuilt.calls.map((c) => c.version)).toEqual([1]);
    rebuilt.calls[0]!.settle(scores(2));
    await landed();
    expect(view()).toEqual({ state: 'done', prediction: scores(2), error: null });
    expect(calls).toHaveLength(1);
  });

  it('keeps the scores shown while a new classifier reads the drawing again', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    const rebuilt = fakeClassifier();
    loop.setClassifier(classifier);
    draw(drawing(1));
    calls[0]!.settle(scores(1));
    await landed();
    loop.setClassifier(rebuilt.classifier);
    expect(rebuilt.calls.map((c) => c.version)).toEqual([1]);
    expect(view()).toEqual({ state: 'done', prediction: scores(1), error: null });
  });

  it('shows an error for the failed drawing only, and predicts the next one', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    loop.setClassifier(classifier);
    draw(drawing(1));
    calls[0]!.settle(new Error('out of memory'));
    await landed();
    expect(view()).toEqual({ state: 'error', prediction: null, error: 'out of memory' });
    expect(calls).toHaveLength(1); // no retrying the same drawing
    draw(drawing(2));
    expect(view()).toEqual({ state: 'pending', prediction: null, error: null });
    // A failure for a drawing that has since moved on leaves the newer one pending.
    draw(drawing(3));
    calls[1]!.settle(new Error('lost'));
    await landed();
    expect(view().state).toBe('pending');
    calls[2]!.settle(scores(3));
    await landed();
    expect(view().state).toBe('done');
  });

  it('stays empty when cleared while a prediction is in flight', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    const listener = vi.fn();
    loop.subscribe(listener);
    loop.setClassifier(classifier);
    draw(drawing(1));
    calls[0]!.settle(scores(1));
    await landed();
    expect(listener).toHaveBeenCalledTimes(1);
    draw(drawing(2));
    draw(cleared(3));
    calls[1]!.settle(scores(2));
    await landed();
    expect(view().state).toBe('empty');
    // The next drawing starts without the cleared drawings' scores.
    draw(drawing(4));
    expect(view()).toEqual({ state: 'pending', prediction: null, error: null });
    expect(calls.map((c) => c.version)).toEqual([1, 2, 4]);
  });

  it("measures each prediction's preprocessing and inference, not its wait", async () => {
    let now = 100;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { loop, classifier, calls, draw } = setUp();
    loop.setClassifier(classifier);
    draw(cleared(1));
    draw(drawing(2, 5));
    now = 130;
    draw(drawing(3, 3));
    now = 150;
    calls[0]!.settle(scores(2));
    await landed();
    now = 160;
    calls[1]!.settle(scores(3));
    await landed();
    draw(drawing(4));
    calls[2]!.settle(new Error('failed'));
    await landed();
    const taken = performance
      .getEntriesByName('predict')
      .map(({ startTime, duration }) => ({ startTime, duration }));
    // Drawing 3 was prepared at 130 but waited until 150: its 3 ms plus 10 ms of inference.
    expect(taken).toEqual([
      { startTime: 95, duration: 55 },
      { startTime: 147, duration: 13 },
    ]);
  });

  it('reads a cleared drawing brought back by undo again, though it was the last one read', async () => {
    const { loop, classifier, calls, draw, view } = setUp();
    loop.setClassifier(classifier);
    draw(drawing(1));
    calls[0]!.settle(scores(1));
    await landed();
    draw(cleared(2));
    expect(view().state).toBe('empty');
    draw(drawing(1)); // the same strokes again: the same key
    expect(calls.map((c) => c.version)).toEqual([1, 1]);
    calls[1]!.settle(scores(1));
    await landed();
    expect(view()).toEqual({ state: 'done', prediction: scores(1), error: null });
  });
});
