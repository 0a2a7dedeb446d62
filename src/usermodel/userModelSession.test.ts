import { describe, expect, it, vi } from 'vitest';
import { UserModelError, type Convention, type UserModel, type UserModelSource } from './UserModel';
import { createUserModelSession } from './userModelSession';
import type { KeptUserModel, UserModelStore } from './userModelStore';

const GUESS: Convention = { range: '0..1', polarity: 'white-on-black', output: 'logits' };
const CHOSEN: Convention = { range: '0..255', polarity: 'white-on-black', output: 'logits' };
const url = (name: string) => ({ kind: 'url', url: name }) as const;

/** A model named after its source, whose disposal is counted. */
function fakeModel(id: string) {
  const model = {
    id,
    name: id,
    guessed: GUESS,
    artifacts: { modelJson: {}, weightData: new ArrayBuffer(0) },
    disposed: 0,
    dispose() {
      model.disposed++;
    },
  };
  return model as typeof model & UserModel;
}

/** Loads settled by hand, in the order asked; a store in memory. */
function setUp(kept: KeptUserModel | null = null) {
  const loads: { source: UserModelSource; settle(outcome: string | Error): void }[] = [];
  const models: ReturnType<typeof fakeModel>[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const memory = new Map<string, Convention>();
  const stored = { kept };
  const store: UserModelStore = {
    load: () => Promise.resolve({ model: stored.kept, notice: null }),
    keep: (model) => Promise.resolve(void (stored.kept = model)),
    remove: () => Promise.resolve(void (stored.kept = null)),
    close: vi.fn(),
  };
  const session = createUserModelSession({
    load: (source) =>
      new Promise<UserModel>((resolve, reject) => {
        mostAtOnce = Math.max(mostAtOnce, ++running);
        loads.push({
          source,
          settle(outcome) {
            running--;
            if (outcome instanceof Error) return reject(outcome);
            const model = fakeModel(outcome);
            models.push(model);
            resolve(model);
          },
        });
      }),
    openStore: () => Promise.resolve(store),
    recallConvention: (id) => memory.get(id) ?? null,
    rememberConvention: (id, convention) => void memory.set(id, convention),
  });
  return { session, loads, models, memory, stored, store, mostAtOnce: () => mostAtOnce };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createUserModelSession', () => {
  it('waits for the shipped model’s backend, then loads and reads under the guessed convention', async () => {
    const { session, loads } = setUp();
    session.start(url('a/model.json'));
    expect(session.getState()).toMatchObject({ status: 'loading', name: 'a/model.json' });
    await settled();
    expect(loads).toHaveLength(0);
    session.setBackend('wasm');
    expect(loads.map((l) => l.source)).toEqual([url('a/model.json')]);
    loads[0]!.settle('a');
    await settled();
    expect(session.getState()).toMatchObject({ status: 'ready', convention: GUESS, kept: false });
  });

  it('loads one at a time; the newest wins and every other model is disposed', async () => {
    const { session, loads, models, mostAtOnce } = setUp();
    session.start(null);
    session.setBackend('wasm');
    session.load(url('a'));
    session.load(url('b'));
    session.load(url('c'));
    expect(loads).toHaveLength(1);
    loads[0]!.settle('a');
    await settled();
    expect(models[0]!.disposed).toBe(1);
    expect(loads.map((l) => l.source)).toEqual([url('a'), url('c')]);
    loads[1]!.settle('c');
    await settled();
    expect(session.getState()).toMatchObject({ status: 'ready', model: { id: 'c' } });
    expect(mostAtOnce()).toBe(1);

    session.load(url('d'));
    expect(models[1]!.disposed).toBe(1); // replaced at once
    loads[2]!.settle('d');
    await settled();
    expect(session.getState()).toMatchObject({ status: 'ready', model: { id: 'd' } });
  });

  it('shows a failed load in words, and a next load works', async () => {
    const { session, loads } = setUp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    session.start(null);
    session.setBackend('wasm');
    session.load(url('broken'));
    loads[0]!.settle(new UserModelError('Its output is not 10 classes.', 'shape [-1,5]'));
    await settled();
    expect(session.getState()).toMatchObject({
      status: 'error',
      name: 'broken',
      message: 'Its output is not 10 classes.',
    });
    expect(warn).toHaveBeenCalledWith('Your model could not be used:', 'shape [-1,5]');
    session.load(url('good'));
    loads[1]!.settle('good');
    await settled();
    expect(session.getState().status).toBe('ready');
    warn.mockRestore();
  });

  it('remembers the convention chosen for a model', async () => {
    const { session, loads, memory } = setUp();
    session.start(null);
    session.setBackend('wasm');
    session.load(url('a'));
    loads[0]!.settle('a');
    await settled();
    session.setConvention(CHOSEN);
    expect(memory.get('a')).toEqual(CHOSEN);
    session.load(url('a'));
    loads[1]!.settle('a');
    await settled();
    expect(session.getState()).toMatchObject({ status: 'ready', convention: CHOSEN });
  });

  it('keeps a model, loads the kept one at start, and removes it in one action', async () => {
    const first = setUp();
    first.session.start(null);
    first.session.setBackend('wasm');
    first.session.load(url('a'));
    first.loads[0]!.settle('a');
    await settled();
    await first.session.keep();
    expect(first.session.getState()).toMatchObject({ status: 'ready', kept: true });
    const kept = first.stored.kept!;
    expect(kept).toMatchObject({ id: 'a', name: 'a' });

    const second = setUp(kept);
    second.session.setBackend('wasm');
    second.session.start(null);
    await settled();
    expect(second.loads.map((l) => l.source)).toEqual([{ kind: 'kept', kept }]);
    second.loads[0]!.settle('a');
    await settled();
    expect(second.session.getState()).toMatchObject({ status: 'ready', kept: true });
    await second.session.remove();
    expect(second.session.getState().status).toBe('none');
    expect(second.models[0]!.disposed).toBe(1);
    expect(second.stored.kept).toBeNull();
  });

  it('loads ?model= before the kept model', async () => {
    const { session, loads } = setUp({
      id: 'k',
      name: 'k',
      artifacts: { modelJson: {}, weightData: new ArrayBuffer(0) },
      time: 0,
    });
    session.setBackend('wasm');
    session.start(url('u'));
    await settled();
    expect(loads.map((l) => l.source)).toEqual([url('u')]);
  });

  it('loads the model again on a new backend, and disposes it when stopped', async () => {
    const { session, loads, models, store } = setUp();
    const stop = session.start(null);
    session.setBackend('webgl 1');
    session.load(url('a'));
    loads[0]!.settle('a');
    await settled();
    session.setBackend(null); // the GPU context is lost: the model waits
    session.setBackend('webgl 2');
    expect(models[0]!.disposed).toBe(1);
    expect(loads).toHaveLength(2);
    loads[1]!.settle('a');
    await settled();
    stop();
    expect(models[1]!.disposed).toBe(1);
    expect(session.getState().status).toBe('none');
    await settled();
    expect(store.close).toHaveBeenCalled();
  });
});
