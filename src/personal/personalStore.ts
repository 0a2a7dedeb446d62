import { INPUT_PIXELS, NUM_CLASSES } from '../constants';
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
  let db: IDBDatabase;
  // An older format's examples cannot be read by this version: the upgrade drops them.
  const onDiscard = () => (notice = DISCARDED);
  try {
    db = await openDatabase(factory, onDiscard);
    if (![EXAMPLES, META].every((name) => db.objectStoreNames.contains(name))) {
      db.close();
      throw new Error('the database lacks its object stores');
    }
  } catch (error) {
    // A newer format's database (VersionError) or one that cannot be opened: start afresh.
    if ((error as DOMException).name === 'QuotaExceededError') throw error;
    await request(factory.deleteDatabase(DATABASE));
    db = await openDatabase(factory, onDiscard);
    notice = DISCARDED;
  }
  // Another tab upgrading the database must not wait for this one.
  db.onversionchange = () => db.close();

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

/** Opens the database, creating it or upgrading an older format's (`onDiscard` if it had any). */
function openDatabase(factory: IDBFactory, onDiscard: () => void): Promise<IDBDatabase> {
  const open = factory.open(DATABASE, STORE_FORMAT);
  open.onupgradeneeded = () => {
    const db = open.result;
    const recreate = () => {
      for (const name of [EXAMPLES, META]) {
        if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
      }
      db.createObjectStore(EXAMPLES, { autoIncrement: true });
      db.createObjectStore(META, { keyPath: 'key' });
    };
    if (!db.objectStoreNames.contains(EXAMPLES)) return recreate();
    // Only a store that held examples is worth a notice.
    const count = open.transaction!.objectStore(EXAMPLES).count();
    count.onsuccess = () => {
      if (count.result > 0) onDiscard();
      recreate();
    };
  };
  return request(open);
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

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
