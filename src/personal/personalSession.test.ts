import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import { PERSONAL_CAPACITY } from './keepNewest';
import { createPersonalSession, LOADING, NOT_KEPT, type PersonalSession } from './personalSession';
import { DISCARDED, openPersonalStore, OTHER_MODEL, type PersonalStore } from './personalStore';

const MODEL = 's24-s48-64 2026-12-01';
const input = (label: number) => new Float32Array(INPUT_PIXELS).fill(label / 10);
const logits = (label: number) => Array.from({ length: 10 }, (_, i) => (i === label ? 5 : i / 10));

/** BroadcastChannel as browsers deliver it: later, to every other channel of the name. */
class FakeChannel {
  static open = new Set<FakeChannel>();
  onmessage: ((event: MessageEvent) => void) | null = null;
  constructor(readonly name: string) {
    FakeChannel.open.add(this);
  }
  postMessage(data: unknown) {
    for (const other of FakeChannel.open) {
      if (other !== this && other.name === this.name) {
        setTimeout(() => other.onmessage?.({ data } as MessageEvent));
      }
    }
  }
  close() {
    FakeChannel.open.delete(this);
  }
}

/** The page's document as far as the session uses it: visibility and its change event. */
let page: EventTarget & { visibilityState: DocumentVisibilityState };
const showPage = (state: DocumentVisibilityState) => {
  page.visibilityState = state;
  page.dispatchEvent(new Event('visibilitychange'));
};

/** A session on `factory`'s IndexedDB, and the labels it shows. */
function sessionOn(factory: IDBFactory) {
  const session = createPersonalSession((model) => openPersonalStore(model, { factory }));
  const labels = () => Array.from(session.getState().memory.labels);
  return { session, labels };
}

/** An opening of IndexedDB that fails when told to. */
function deferredFailure() {
  let fail!: () => void;
  const promise = new Promise<PersonalStore>((_, reject) => {
    fail = () => reject(new Error('no IndexedDB'));
  });
  return { promise, fail };
}

/** Waits until the session's state passes `check`. */
const until = (
  session: PersonalSession,
  check: (s: ReturnType<PersonalSession['getState']>) => void,
) => vi.waitFor(() => check(session.getState()), { timeout: 2000, interval: 5 });

describe('createPersonalSession', () => {
  beforeEach(() => {
    page = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
    vi.stubGlobal('document', page);
    vi.stubGlobal('BroadcastChannel', FakeChannel);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    FakeChannel.open.clear();
  });

  it('does nothing until started, and records nothing before', async () => {
    const open = vi.fn(() => Promise.reject(new Error('unused')));
    const session = createPersonalSession(open);
    await session.record(3, input(3), logits(3));
    expect(session.getState()).toBe(LOADING);
    expect(open).not.toHaveBeenCalled();
  });

  it('loads what this device kept for the model, ready to adapt with', async () => {
    const factory = new IDBFactory();
    const store = await openPersonalStore(MODEL, { factory });
    await store.add({
      label: 4,
      input: input(4),
      logits: Float32Array.from(logits(9)),
      model: MODEL,
      time: 1,
    });
    store.close();
    const { session, labels } = sessionOn(factory);
    session.start(MODEL);
    expect(session.getState().status).toBe('loading');
    await until(session, (s) => expect(s.status).toBe('ready'));
    expect(session.getState()).toMatchObject({ count: 1, notice: null });
    expect(labels()).toEqual([4]);
    // The drawings themselves, for the Train panel's "add my drawings".
    const { drawings } = session.getState();
    expect(drawings.labels).toEqual([4]);
    expect(Array.from(drawings.inputs[0]!)).toEqual(Array.from(input(4)));
  });

  it('keeps a correction and tells listeners, with a copy of the input and logits', async () => {
    const factory = new IDBFactory();
    const { session, labels } = sessionOn(factory);
    const heard = vi.fn();
    session.subscribe(heard);
    session.start(MODEL);
    await until(session, (s) => expect(s.status).toBe('ready'));
    const drawn = input(7);
    const read = logits(1);
    const recorded = session.record(7, drawn, read);
    // The page reuses its buffers: what was kept must not change with them.
    drawn.fill(0);
    read.fill(0);
    await recorded;
    expect(session.getState().count).toBe(1);
    expect(labels()).toEqual([7]);
    expect(heard).toHaveBeenCalled();
    const store = await openPersonalStore(MODEL, { factory });
    const [kept] = (await store.load()).examples;
    store.close();
    expect(kept).toMatchObject({ label: 7, input: input(7), model: MODEL });
    expect(Array.from(kept!.logits)).toEqual(logits(1).map(Math.fround));
  });

  it('keeps examples across page loads, and forgets them all', async () => {
    const factory = new IDBFactory();
    const first = sessionOn(factory);
    const stop = first.session.start(MODEL);
    await first.session.record(2, input(2), logits(2));
    await first.session.record(5, input(5), logits(3));
    stop();
    const later = sessionOn(factory);
    later.session.start(MODEL);
    await until(later.session, (s) => expect(s.count).toBe(2));
    expect(later.labels()).toEqual([2, 5]);
    await later.session.forget();
    expect(later.session.getState()).toMatchObject({ count: 0, memory: { size: 0 } });
    const after = sessionOn(factory);
    after.session.start(MODEL);
    await until(after.session, (s) => expect(s).toMatchObject({ status: 'ready', count: 0 }));
  });

  it("empties another model's examples and says why", async () => {
    const factory = new IDBFactory();
    const old = await openPersonalStore('s32-s96 2026-01-01', { factory });
    await old.add({
      label: 1,
      input: input(1),
      logits: Float32Array.from(logits(1)),
      model: 's32-s96 2026-01-01',
      time: 1,
    });
    old.close();
    const { session } = sessionOn(factory);
    session.start(MODEL);
    await until(session, (s) =>
      expect(s).toMatchObject({ status: 'ready', count: 0, notice: OTHER_MODEL }),
    );
    // The notice stays while the person keeps new examples.
    await session.record(3, input(3), logits(3));
    expect(session.getState()).toMatchObject({ count: 1, notice: OTHER_MODEL });
  });

  it('shows the notice of a damaged store emptied on load', async () => {
    const store: PersonalStore = {
      load: () => Promise.resolve({ examples: [], notice: DISCARDED }),
      add: () => Promise.resolve(),
      forget: () => Promise.resolve(),
      close: () => {},
    };
    const session = createPersonalSession(() => Promise.resolve(store));
    session.start(MODEL);
    await until(session, (s) => expect(s).toMatchObject({ status: 'ready', notice: DISCARDED }));
  });

  it('without IndexedDB, corrections adapt in memory only, bounded, and it says so', async () => {
    const session = createPersonalSession(() => Promise.reject(new Error('no IndexedDB')));
    session.start(MODEL);
    await until(session, (s) => expect(s).toMatchObject({ status: 'ready', notice: NOT_KEPT }));
    for (let i = 0; i < PERSONAL_CAPACITY + 2; i++)
      await session.record(i % 10, input(1), logits(1));
    expect(session.getState()).toMatchObject({ count: PERSONAL_CAPACITY, notice: NOT_KEPT });
    // The oldest went first: the first kept is now the third recorded.
    expect(session.getState().memory.labels[0]).toBe(2);
    await session.forget();
    expect(session.getState()).toMatchObject({ count: 0, notice: NOT_KEPT });
  });

  it('shows nothing once stopped, even when IndexedDB fails late', async () => {
    const failing = deferredFailure();
    const session = createPersonalSession(() => failing.promise);
    session.start(MODEL)();
    failing.fail();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(session.getState()).toBe(LOADING);
    await session.record(1, input(1), logits(1));
    expect(session.getState()).toBe(LOADING);
  });

  it('keeps tabs in step: a change in one reloads the others', async () => {
    const factory = new IDBFactory();
    const [a, b] = [sessionOn(factory), sessionOn(factory)];
    a.session.start(MODEL);
    b.session.start(MODEL);
    await until(b.session, (s) => expect(s.status).toBe('ready'));
    await a.session.record(8, input(8), logits(8));
    await until(b.session, (s) => expect(s.count).toBe(1));
    expect(b.labels()).toEqual([8]);
    await b.session.forget();
    await until(a.session, (s) => expect(s.count).toBe(0));
  });

  it('reloads when the tab comes back into view, not while hidden', async () => {
    const factory = new IDBFactory();
    const { session } = sessionOn(factory);
    session.start(MODEL);
    await until(session, (s) => expect(s.status).toBe('ready'));
    // Another tab wrote while this one was asleep (its message missed).
    const other = await openPersonalStore(MODEL, { factory });
    await other.add({
      label: 6,
      input: input(6),
      logits: Float32Array.from(logits(6)),
      model: MODEL,
      time: 2,
    });
    other.close();
    showPage('hidden');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(session.getState().count).toBe(0);
    showPage('visible');
    await until(session, (s) => expect(s.count).toBe(1));
  });

  it('once stopped, hears nothing more and shows no late load', async () => {
    const factory = new IDBFactory();
    const [a, b, c] = [sessionOn(factory), sessionOn(factory), sessionOn(factory)];
    a.session.start(MODEL);
    b.session.start(MODEL)();
    const listening = vi.spyOn(page, 'addEventListener');
    const unlistening = vi.spyOn(page, 'removeEventListener');
    const stopC = c.session.start(MODEL);
    await until(c.session, (s) => expect(s.status).toBe('ready'));
    stopC();
    expect(unlistening).toHaveBeenCalledWith('visibilitychange', listening.mock.calls[0]![1]);
    // Recording after the stop keeps nothing, and does not fail on the closed store.
    await c.session.record(4, input(4), logits(4));
    // Only a's channel is left open: b stopped before its store even opened.
    expect(FakeChannel.open.size).toBe(1);
    await a.session.record(1, input(1), logits(1));
    showPage('visible');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(b.session.getState()).toBe(LOADING);
    expect(c.session.getState()).toMatchObject({ status: 'ready', count: 0 });
  });

  it('a new model replaces the previous session; the old stop no longer applies', async () => {
    const factory = new IDBFactory();
    const { session, labels } = sessionOn(factory);
    const stopOld = session.start('old 2026-01-01');
    await session.record(1, input(1), logits(1));
    session.start(MODEL);
    stopOld();
    await until(session, (s) => expect(s).toMatchObject({ count: 0, notice: OTHER_MODEL }));
    await session.record(9, input(9), logits(9));
    expect(labels()).toEqual([9]);
  });

  it('keeps showing the examples when a reload fails', async () => {
    let fail = false;
    const store: PersonalStore = {
      load: () =>
        fail
          ? Promise.reject(new Error('disk error'))
          : Promise.resolve({ examples: [], notice: null }),
      add: () => Promise.resolve(),
      forget: () => Promise.resolve(),
      close: () => {},
    };
    const session = createPersonalSession(() => Promise.resolve(store));
    session.start(MODEL);
    await until(session, (s) => expect(s.status).toBe('ready'));
    const before = session.getState();
    fail = true;
    showPage('visible');
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalled());
    expect(session.getState()).toBe(before);
  });
});
