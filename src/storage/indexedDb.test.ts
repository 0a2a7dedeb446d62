import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { done, openOrReset, request } from './indexedDb';

const NAME = 'test-database';
const layOut = (db: IDBDatabase) => db.createObjectStore('things');

/** Puts `value` under `key` in store 'things' and closes the database. */
async function keep(db: IDBDatabase, key: string, value: unknown): Promise<void> {
  const tx = db.transaction('things', 'readwrite');
  tx.objectStore('things').put(value, key);
  await done(tx);
  db.close();
}

/** Creates the database at `version` as `upgrade` lays it out, as another build would have. */
async function createDatabase(
  factory: IDBFactory,
  version: number,
  upgrade: (db: IDBDatabase) => void,
) {
  const opening = factory.open(NAME, version);
  opening.onupgradeneeded = () => upgrade(opening.result);
  (await request(opening)).close();
}

describe('openOrReset', () => {
  it('creates the database once, then opens it as it is, records kept', async () => {
    const factory = new IDBFactory();
    const upgrade = vi.fn(layOut);
    const first = await openOrReset(factory, NAME, 1, ['things'], upgrade);
    expect(first.reset).toBe(false);
    await keep(first.db, 'a', 1);
    const again = await openOrReset(factory, NAME, 1, ['things'], upgrade);
    expect(again.reset).toBe(false);
    expect(upgrade).toHaveBeenCalledTimes(1);
    const tx = again.db.transaction('things');
    expect(await request(tx.objectStore('things').get('a'))).toBe(1);
    again.db.close();
  });

  it('deletes and recreates a newer version, or one lacking a store, saying so', async () => {
    for (const [version, stores] of [
      [2, ['things']],
      [1, ['other']],
    ] as const) {
      const factory = new IDBFactory();
      await createDatabase(factory, version, (db) => db.createObjectStore(stores[0]));
      const { db, reset } = await openOrReset(factory, NAME, 1, ['things'], layOut);
      expect(reset).toBe(true);
      expect(db.version).toBe(1);
      expect(Array.from(db.objectStoreNames)).toEqual(['things']);
      db.close();
    }
  });

  it('passes the version-change transaction to the upgrade of an older version', async () => {
    const factory = new IDBFactory();
    await createDatabase(factory, 1, layOut);
    let found: string[] = [];
    const { db, reset } = await openOrReset(factory, NAME, 2, ['things'], (_, tx) => {
      found = Array.from(tx.objectStoreNames);
    });
    expect({ reset, found }).toEqual({ reset: false, found: ['things'] });
    db.close();
  });

  it('closes for another tab upgrading the database, which need not wait', async () => {
    const factory = new IDBFactory();
    const { db } = await openOrReset(factory, NAME, 1, ['things'], layOut);
    const other = await openOrReset(factory, NAME, 2, ['things'], () => {});
    expect(other.db.version).toBe(2);
    expect(() => db.transaction('things')).toThrow();
    other.db.close();
  });

  it('rethrows a full disk as it is, without deleting the database', async () => {
    const full = new DOMException('quota', 'QuotaExceededError');
    const factory = {
      open: () => {
        throw full;
      },
      deleteDatabase: vi.fn(),
    } as unknown as IDBFactory;
    await expect(openOrReset(factory, NAME, 1, ['things'], layOut)).rejects.toBe(full);
    expect(factory.deleteDatabase).not.toHaveBeenCalled();
  });
});

describe('request and done', () => {
  it('reject when a request fails, and when its transaction fails with it', async () => {
    const factory = new IDBFactory();
    const { db } = await openOrReset(factory, NAME, 1, ['things'], layOut);
    const tx = db.transaction('things', 'readwrite');
    const things = tx.objectStore('things');
    const committed = done(tx);
    await request(things.add(1, 'a'));
    await expect(request(things.add(2, 'a'))).rejects.toMatchObject({ name: 'ConstraintError' });
    // The request's error reaches the transaction before it aborts, so before it has an error.
    await expect(committed).rejects.toThrow('IndexedDB transaction failed');
    db.close();
  });
});
