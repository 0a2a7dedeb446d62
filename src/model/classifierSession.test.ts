import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendName } from './backendName';
import type { Classifier } from './classifier';
import { createClassifierSession, GPU_RESET_NOTE, type ModelState } from './classifierSession';
import { ModelLoadError } from './ModelLoadError';

/** A promise settled by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/** A classifier on `backend` that records disposal and whose context can be lost by hand. */
function fakeClassifier(backend: BackendName, final?: Promise<Classifier>) {
  const watchers = new Set<() => void>();
  const classifier = {
    backend: { name: backend },
    dispose: vi.fn(),
    onContextLost(callback: () => void) {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    ...(final && { settle: () => final }),
  } as Pick<Classifier, 'backend' | 'dispose' | 'onContextLost' | 'settle'> as Classifier;
  const loseContext = () => [...watchers].forEach((watcher) => watcher());
  return { classifier, loseContext, watching: () => watchers.size };
}

/** A session whose loads are settled by hand, each call a new load. */
function harness() {
  const loads: ReturnType<typeof deferred<Classifier>>[] = [];
  const resetGpu = vi.fn();
  const session = createClassifierSession(resetGpu);
  const states: ModelState[] = [];
  session.subscribe(() => states.push(session.getState()));
  const load = () => {
    const next = deferred<Classifier>();
    loads.push(next);
    return next.promise;
  };
  return { session, loads, resetGpu, states, load };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const classifierOf = (state: ModelState) => (state.status === 'ready' ? state.classifier : null);

/** A started session whose first classifier (on `backend`) has landed, its final one pending. */
async function startedOn(backend: BackendName) {
  const { session, loads, load } = harness();
  const stop = session.start(load);
  const settled = deferred<Classifier>();
  const interim = fakeClassifier(backend, settled.promise);
  loads[0]!.resolve(interim.classifier);
  await flush();
  return { session, stop, settled, interim };
}

describe('createClassifierSession', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  it('is loading until the classifier lands, then ready with it', async () => {
    const { session, loads, load } = harness();
    expect(session.getState()).toEqual({ status: 'loading' });
    session.start(load);
    expect(loads).toHaveLength(1);
    const { classifier } = fakeClassifier('wasm');
    loads[0]!.resolve(classifier);
    await flush();
    expect(session.getState()).toEqual({ status: 'ready', classifier });
  });

  it('says why a load failed, in words for the page, and retry loads again', async () => {
    const { session, loads, load } = harness();
    session.start(load);
    loads[0]!.reject(new ModelLoadError('The model files are damaged.', 'bad json'));
    await flush();
    expect(session.getState()).toEqual({
      status: 'error',
      message: 'The model files are damaged.',
    });
    session.retry();
    expect(session.getState()).toEqual({ status: 'loading' });
    loads[1]!.reject(new Error('no backend'));
    await flush();
    expect(session.getState()).toEqual({
      status: 'error',
      message: 'The model could not be started in this browser.',
    });
    session.retry();
    const { classifier } = fakeClassifier('cpu');
    loads[2]!.resolve(classifier);
    await flush();
    expect(classifierOf(session.getState())).toBe(classifier);
  });

  it('moves to the classifier rebuilt on the final backend, disposing the interim one', async () => {
    const { session, settled, interim } = await startedOn('wasm');
    expect(classifierOf(session.getState())).toBe(interim.classifier);
    const final = fakeClassifier('webgl');
    settled.resolve(final.classifier);
    await flush();
    expect(classifierOf(session.getState())).toBe(final.classifier);
    expect(interim.classifier.dispose).toHaveBeenCalledOnce();
    // The context watched is the final classifier's, not the interim one's.
    expect([interim.watching(), final.watching()]).toEqual([0, 1]);
  });

  it('keeps the same model when the backend stays, taking the reason it stays', async () => {
    const { session, settled, interim } = await startedOn('wasm');
    const withReason = {
      ...interim.classifier,
      backend: { name: 'wasm', fallbackReason: 'no GPU' },
    };
    settled.resolve(withReason as Classifier);
    await flush();
    expect(classifierOf(session.getState())).toBe(withReason);
    expect(interim.classifier.dispose).not.toHaveBeenCalled();
  });

  it('drops a classifier whose context is lost and rebuilds it on a fresh backend', async () => {
    const { session, loads, load, resetGpu, states } = harness();
    session.start(load);
    const lost = fakeClassifier('webgl');
    loads[0]!.resolve(lost.classifier);
    await flush();
    lost.loseContext();
    expect(lost.classifier.dispose).toHaveBeenCalledOnce();
    expect(resetGpu).toHaveBeenCalledOnce();
    expect(session.getState()).toEqual({ status: 'loading', note: GPU_RESET_NOTE });
    expect(loads).toHaveLength(2);
    const rebuilt = fakeClassifier('webgl');
    loads[1]!.resolve(rebuilt.classifier);
    await flush();
    expect(states.map((s) => s.status)).toEqual(['ready', 'loading', 'ready']);
    expect(classifierOf(session.getState())).toBe(rebuilt.classifier);
    // Losing the old context again (it fires once) changes nothing.
    lost.loseContext();
    expect(resetGpu).toHaveBeenCalledOnce();
  });

  it('rebuilds even when a dead context refuses to dispose', async () => {
    const { session, loads, load } = harness();
    session.start(load);
    const lost = fakeClassifier('webgl');
    vi.mocked(lost.classifier.dispose).mockImplementation(() => {
      throw new Error('context lost');
    });
    loads[0]!.resolve(lost.classifier);
    await flush();
    lost.loseContext();
    expect(session.getState()).toEqual({ status: 'loading', note: GPU_RESET_NOTE });
    expect(loads).toHaveLength(2);
  });

  it('discards the final backend of a classifier whose context was lost meanwhile', async () => {
    const { session, settled, interim } = await startedOn('cpu');
    interim.loseContext();
    const late = fakeClassifier('webgl');
    settled.resolve(late.classifier);
    await flush();
    expect(late.classifier.dispose).toHaveBeenCalledOnce();
    expect(session.getState()).toEqual({ status: 'loading', note: GPU_RESET_NOTE });
  });

  it('disposes a classifier that lands after the session stopped, showing nothing', async () => {
    const { session, loads, load, states } = harness();
    const stop = session.start(load);
    stop();
    const late = fakeClassifier('wasm');
    loads[0]!.resolve(late.classifier);
    await flush();
    expect(late.classifier.dispose).toHaveBeenCalledOnce();
    expect(states).toEqual([]);
  });

  it('ignores a failure that lands after the session stopped', async () => {
    const { session, loads, load, states } = harness();
    session.start(load)();
    loads[0]!.reject(new Error('too late'));
    await flush();
    expect(states).toEqual([]);
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('on stop, disposes the classifier it kept and stops watching its context', async () => {
    const { session, loads, load, resetGpu } = harness();
    const stop = session.start(load);
    const ready = fakeClassifier('webgl');
    loads[0]!.resolve(ready.classifier);
    await flush();
    stop();
    expect(ready.classifier.dispose).toHaveBeenCalledOnce();
    expect(ready.watching()).toBe(0);
    ready.loseContext();
    expect(resetGpu).not.toHaveBeenCalled();
  });

  it('disposes a final backend that comes after the session stopped', async () => {
    const { stop, settled, interim } = await startedOn('wasm');
    stop();
    const final = fakeClassifier('webgl');
    settled.resolve(final.classifier);
    await flush();
    expect(interim.classifier.dispose).toHaveBeenCalledOnce();
    expect(final.classifier.dispose).toHaveBeenCalledOnce();
  });

  it("a replaced attempt's late result is disposed, not shown over the newer one", async () => {
    const { session, loads, load } = harness();
    session.start(load);
    session.retry();
    const newer = fakeClassifier('wasm');
    loads[1]!.resolve(newer.classifier);
    await flush();
    const stale = fakeClassifier('wasm');
    loads[0]!.resolve(stale.classifier);
    await flush();
    expect(classifierOf(session.getState())).toBe(newer.classifier);
    expect(stale.classifier.dispose).toHaveBeenCalledOnce();
  });

  it('a new load (another model or backend) replaces the one shown, disposing it', async () => {
    const { session, loads, load } = harness();
    const stop = session.start(load);
    const first = fakeClassifier('wasm');
    loads[0]!.resolve(first.classifier);
    await flush();
    // As React does when the hook's arguments change: the old effect's stop, then a start.
    stop();
    session.start(load);
    expect(first.classifier.dispose).toHaveBeenCalledOnce();
    expect(session.getState()).toEqual({ status: 'loading' });
    const second = fakeClassifier('webgl');
    loads[1]!.resolve(second.classifier);
    await flush();
    expect(classifierOf(session.getState())).toBe(second.classifier);
  });
});
