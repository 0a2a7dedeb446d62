import { INPUT_PIXELS, NUM_CLASSES } from '../constants';
import { done, openOrReset, request } from '../storage/indexedDb';
import { PERSONAL_CAPACITY } from './keepNewest';

// The kept examples in IndexedDB, on this device only. Format 2 (the database's version): store
// 'examples' (auto-increment keys, so key order is age order) of
// { format: 2, label, input: Float32Array(784), logits: Float32Array(10), model, time }, and
// store 'meta' holding { key: 'format', format: 2 }. Anything else found there (damaged
// records, format 1's penultimate features, another format) is discarded with a notice, never
// shown as an error.

export const DATABASE = 'digit-recogniser-personal';
export const STORE_FORMAT = 2;
const EXAMPLES = 'examples';
const META = 'meta';

/** One kept example: the model's input, the digit logits it gave, and the digit it really is. */
export interface StoredExample {
  label: number;
  input: Float32Array;
  /** dense_1's ten logits for `input`: what adaptation compares (adaptLogits.ts). */
  logits: Float32Array;
  /** The model the logits came from (its architecture and training date). */
  model: string;
  /** When it was kept (ms since 1970). */
  time: number;
}

export interface LoadedExamples {
  examples: StoredExample[];
  /** Why kept examples were discarded, or null. */
  notice: string | null;
}

export interface PersonalStore {
  /** The kept examples for `model`, oldest first. */
  load(): Promise<LoadedExamples>;
  /** Keeps one more, dropping the oldest beyond the capacity. */
  add(example: StoredExample): Promise<void>;
  /** Removes every kept example. */
  forget(): Promise<void>;
  close(): void;
}

export const DISCARDED =
  'Your kept handwriting examples could not be read (damaged or from another version) and were removed.';
export const OTHER_MODEL =
  'The recogniser was updated: examples kept for the previous version were removed.';

/** Opens (creating or repairing) the store; throws only if IndexedDB itself is unusable. */
export async function openPersonalStore(
  model: string,
  { factory = globalThis.indexedDB, capacity = PERSONAL_CAPACITY } = {},
): Promise<PersonalStore> {
  let notice: string | null = null;
  // An older format's examples cannot be read by this version: the upgrade drops them.
  const onDiscard = () => (notice = DISCARDED);
  const { db, reset } = await openOrReset(
    factory,
    DATABASE,
    STORE_FORMAT,
    [EXAMPLES, META],
    (database, tx) => upgrade(database, tx, onDiscard),
  );
  if (reset) notice = DISCARDED;

  return {
    async load() {
      const tx = db.transaction([EXAMPLES, META], 'readonly');
      const [meta, records] = await Promise.all([
        request(tx.objectStore(META).get('format')),
        request(tx.objectStore(EXAMPLES).getAll()),
      ]);
      const valid = records.filter(isStoredExample);
      const formatOk = meta === undefined || (meta as { format?: unknown }).format === STORE_FORMAT;
      if (!formatOk || valid.length !== records.length) {
        await clear(db);
        return { examples: [], notice: takeNotice() ?? DISCARDED };
      }
      const current = valid.filter((e) => e.model === model);
      if (current.length !== valid.length) {
        await clear(db, current);
        return { examples: current, notice: takeNotice() ?? OTHER_MODEL };
      }
      return { examples: valid, notice: takeNotice() };
    },
    async add(example) {
      const tx = db.transaction([EXAMPLES, META], 'readwrite');
      const examples = tx.objectStore(EXAMPLES);
      tx.objectStore(META).put({ key: 'format', format: STORE_FORMAT });
      examples.add({ format: STORE_FORMAT, ...example });
      const keys = await request(examples.getAllKeys());
      for (const key of keys.slice(0, Math.max(0, keys.length - capacity))) examples.delete(key);
      await done(tx);
    },
    forget: () => clear(db),
    close: () => db.close(),
  };

  function takeNotice(): string | null {
    const taken = notice;
    notice = null;
    return taken;
  }
}

/** Creates the stores, or recreates an older format's (`onDiscard` if it had examples). */
function upgrade(db: IDBDatabase, tx: IDBTransaction, onDiscard: () => void): void {
  const recreate = () => {
    for (const name of [EXAMPLES, META]) {
      if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
    }
    db.createObjectStore(EXAMPLES, { autoIncrement: true });
    db.createObjectStore(META, { keyPath: 'key' });
  };
  if (!db.objectStoreNames.contains(EXAMPLES)) return recreate();
  // Only a store that held examples is worth a notice.
  const count = tx.objectStore(EXAMPLES).count();
  count.onsuccess = () => {
    if (count.result > 0) onDiscard();
    recreate();
  };
}

/** Empties the store, then puts back `keep` (oldest first). */
async function clear(db: IDBDatabase, keep: StoredExample[] = []): Promise<void> {
  const tx = db.transaction([EXAMPLES, META], 'readwrite');
  const examples = tx.objectStore(EXAMPLES);
  examples.clear();
  tx.objectStore(META).put({ key: 'format', format: STORE_FORMAT });
  for (const example of keep) examples.add({ format: STORE_FORMAT, ...example });
  await done(tx);
}

function isStoredExample(record: unknown): record is StoredExample {
  if (typeof record !== 'object' || record === null) return false;
  const r = record as Record<string, unknown>;
  return (
    r.format === STORE_FORMAT &&
    Number.isInteger(r.label) &&
    (r.label as number) >= 0 &&
    (r.label as number) < NUM_CLASSES &&
    r.input instanceof Float32Array &&
    r.input.length === INPUT_PIXELS &&
    r.logits instanceof Float32Array &&
    r.logits.length === NUM_CLASSES &&
    r.logits.every(Number.isFinite) &&
    typeof r.model === 'string' &&
    typeof r.time === 'number'
  );
}
