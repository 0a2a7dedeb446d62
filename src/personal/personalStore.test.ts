import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import {
  DATABASE,
  DISCARDED,
  openPersonalStore,
  OTHER_MODEL,
  STORE_FORMAT,
  type StoredExample,
} from './personalStore';

const MODEL = 'fastwide 2026-11-27';
const example = (label: number, time = label): StoredExample => ({
  label,
  input: new Float32Array(INPUT_PIXELS).fill(label / 10),
  logits: Float32Array.of(label, 1, 0, 2, 0, 0, 0, 0, 0, -3),
  model: MODEL,
  time,
});

/** Opens the raw database and runs `write` on its examples store. */
async function tamper(factory: IDBFactory, write: (examples: IDBObjectStore) => void) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(DATABASE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(['examples', 'meta'], 'readwrite');
  write(tx.objectStore('examples'));
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

/** Creates the database at `version` as `upgrade` lays it out, as another build would have. */
async function createDatabase(
  factory: IDBFactory,
  version: number,
  upgrade: (db: IDBDatabase) => void,
): Promise<void> {
  await new Promise<void>((resolve) => {
    const open = factory.open(DATABASE, version);
    open.onupgradeneeded = () => upgrade(open.result);
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
  });
}

describe('openPersonalStore', () => {
  it('keeps examples across openings, oldest first, with their floats intact', async () => {
    const factory = new IDBFactory();
    const store = await openPersonalStore(MODEL, { factory });
    expect(await store.load()).toEqual({ examples: [], notice: null });
    await store.add(example(3));
    await store.add(example(7));
    store.close();
    const again = await openPersonalStore(MODEL, { factory });
    const { examples, notice } = await again.load();
    expect(notice).toBeNull();
    expect(examples.map((e) => e.label)).toEqual([3, 7]);
    expect(examples[1]!.input).toEqual(example(7).input);
    expect(examples[1]!.logits).toEqual(example(7).logits);
    again.close();
  });

  it('is bounded: beyond the capacity the oldest go first', async () => {
    const store = await openPersonalStore(MODEL, { factory: new IDBFactory(), capacity: 3 });
    for (const label of [1, 2, 3, 4, 5]) await store.add(example(label));
    expect((await store.load()).examples.map((e) => e.label)).toEqual([3, 4, 5]);
  });

  it('forgets everything', async () => {
    const factory = new IDBFactory();
    const store = await openPersonalStore(MODEL, { factory });
    await store.add(example(1));
    await store.forget();
    expect((await store.load()).examples).toEqual([]);
    store.close();
    expect((await (await openPersonalStore(MODEL, { factory })).load()).examples).toEqual([]);
  });

  it('discards a store with a damaged record, with a notice, and works on', async () => {
    const factory = new IDBFactory();
    const store = await openPersonalStore(MODEL, { factory });
    await store.add(example(1));
    await tamper(factory, (examples) =>
      examples.add({ ...example(2), format: STORE_FORMAT, input: new Float32Array(3) }),
    );
    expect(await store.load()).toEqual({ examples: [], notice: DISCARDED });
    await store.add(example(4));
    expect(await store.load()).toMatchObject({ examples: [{ label: 4 }], notice: null });
  });

  it('discards records of another format', async () => {
    const factory = new IDBFactory();
    const store = await openPersonalStore(MODEL, { factory });
    await tamper(factory, (examples) => examples.add({ ...example(2), format: 99 }));
    expect(await store.load()).toEqual({ examples: [], notice: DISCARDED });
  });

  it('discards a database of a newer version or without its stores, with a notice', async () => {
    for (const version of [STORE_FORMAT + 1, STORE_FORMAT]) {
      const factory = new IDBFactory();
      await createDatabase(factory, version, (db) => db.createObjectStore('something-else'));
      const store = await openPersonalStore(MODEL, { factory });
      expect(await store.load()).toEqual({ examples: [], notice: DISCARDED });
      await store.add(example(5));
      expect((await store.load()).examples).toHaveLength(1);
      store.close();
    }
  });

  it('discards an older format (format 1 kept penultimate features), with a notice', async () => {
    const factory = new IDBFactory();
    await createDatabase(factory, 1, (db) => {
      const examples = db.createObjectStore('examples', { autoIncrement: true });
      db.createObjectStore('meta', { keyPath: 'key' });
      const { label, input, model, time } = example(3);
      examples.add({ format: 1, label, input, features: new Float32Array(4704), model, time });
    });
    const store = await openPersonalStore(MODEL, { factory });
    expect(await store.load()).toEqual({ examples: [], notice: DISCARDED });
    await store.add(example(5));
    expect(await store.load()).toMatchObject({ examples: [{ label: 5 }], notice: null });
  });

  it('says nothing when an older format had nothing kept', async () => {
    const factory = new IDBFactory();
    await createDatabase(factory, 1, (db) => {
      db.createObjectStore('examples', { autoIncrement: true });
      db.createObjectStore('meta', { keyPath: 'key' });
    });
    const store = await openPersonalStore(MODEL, { factory });
    expect(await store.load()).toEqual({ examples: [], notice: null });
  });

  it("drops examples of another model's logits, with a notice", async () => {
    const factory = new IDBFactory();
    const old = await openPersonalStore('fast 2026-01-01', { factory });
    await old.add({ ...example(1), model: 'fast 2026-01-01' });
    old.close();
    const store = await openPersonalStore(MODEL, { factory });
    expect(await store.load()).toEqual({ examples: [], notice: OTHER_MODEL });
  });
});
