import { keepNewest, PERSONAL_CAPACITY } from './keepNewest';
import { EMPTY_MEMORY, personalMemory, type PersonalMemory } from './personalMemory';
import { openPersonalStore, type PersonalStore, type StoredExample } from './personalStore';

export interface PersonalState {
  status: 'loading' | 'ready';
  count: number;
  memory: PersonalMemory;
  /** The kept drawings (28x28 inputs) and their digits, oldest first: extra training data. */
  drawings: { inputs: readonly Float32Array[]; labels: readonly number[] };
  /** Something the person should know (examples discarded, nothing can be kept here). */
  notice: string | null;
}

/** The kept examples of this device for one model, kept in step across tabs. */
export interface PersonalSession {
  /** Opens the store and loads the examples kept for `model`; returns a stop function. */
  start(model: string): () => void;
  getState(): PersonalState;
  subscribe(listener: () => void): () => void;
  /** Keeps "this input, which gave these digit logits, is digit `label`". */
  record(label: number, input: Float32Array, logits: ArrayLike<number>): Promise<void>;
  forget(): Promise<void>;
}

const CHANNEL = 'digit-recogniser-personal';
export const NOT_KEPT =
  'This browser cannot keep examples on this device: corrections last until the page is closed.';

export const LOADING: PersonalState = {
  status: 'loading',
  count: 0,
  memory: EMPTY_MEMORY,
  drawings: { inputs: [], labels: [] },
  notice: null,
};

/**
 * Kept examples, once started: other tabs hear of every change (BroadcastChannel) and reload;
 * a tab coming back into view reloads too. Without IndexedDB, corrections still adapt, in
 * memory only, and the notice says so. Creating one has no side effects.
 */
export function createPersonalSession(
  open: (model: string) => Promise<PersonalStore> = openPersonalStore,
): PersonalSession {
  let state = LOADING;
  let examples: StoredExample[] = [];
  const listeners = new Set<() => void>();
  let stopCurrent = () => {};
  let session: ReturnType<typeof startSession> | null = null;

  function startSession(model: string) {
    let store: PersonalStore | null = null;
    let stopped = false;
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    const show = (next: StoredExample[], notice: string | null) => {
      if (stopped) return;
      examples = next;
      state = {
        status: 'ready',
        count: next.length,
        memory: next.length ? personalMemory(next) : EMPTY_MEMORY,
        drawings: { inputs: next.map((e) => e.input), labels: next.map((e) => e.label) },
        notice: notice ?? state.notice,
      };
      listeners.forEach((listener) => listener());
    };
    const reload = async () => {
      if (!store || stopped) return;
      try {
        const loaded = await store.load();
        show(loaded.examples, loaded.notice);
      } catch (error) {
        console.warn('Kept examples could not be read:', error);
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const ready = open(model).then(
      (opened) => {
        if (stopped) return opened.close();
        store = opened;
        return reload();
      },
      (error: unknown) => {
        console.warn('IndexedDB is unavailable:', error);
        show([], NOT_KEPT);
      },
    );
    if (channel) channel.onmessage = () => void reload();
    document.addEventListener('visibilitychange', onVisible);

    const change = async (
      write: (store: PersonalStore) => Promise<void>,
      inMemory: StoredExample[],
    ) => {
      await ready;
      if (!store) return show(inMemory, null);
      await write(store);
      await reload();
      channel?.postMessage('changed');
    };
    const stop = () => {
      stopped = true;
      store?.close();
      channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
    };
    return { model, change, stop };
  }

  return {
    start(model) {
      stopCurrent();
      const started = startSession(model);
      session = started;
      stopCurrent = () => {
        started.stop();
        if (session === started) session = null;
      };
      return stopCurrent;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async record(label, input, logits) {
      if (!session) return;
      const example: StoredExample = {
        label,
        input: input.slice(),
        logits: Float32Array.from(logits),
        model: session.model,
        time: Date.now(),
      };
      await session.change((s) => s.add(example), keepNewest(examples, example, PERSONAL_CAPACITY));
    },
    async forget() {
      await session?.change((s) => s.forget(), []);
    },
  };
}
