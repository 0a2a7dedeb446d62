// IndexedDB as promises, and the one way this app opens a database of its own (personalStore.ts,
// userModelStore.ts): what is kept there is a convenience, so a database that cannot be used is
// deleted and created afresh rather than shown as an error.

/** Lays out the database in its version-change transaction (created, or an older version). */
export type Upgrade = (db: IDBDatabase, tx: IDBTransaction) => void;

export interface OpenedDatabase {
  db: IDBDatabase;
  /** The database found could not be used and was deleted (its records are gone). */
  reset: boolean;
}

/**
 * Opens database `name` at `version`, `upgrade` laying it out when it is created or older. A
 * newer version's database (VersionError), one lacking any of `stores`, or one that fails to
 * open is deleted and created again; only a full disk or an unusable IndexedDB throws.
 */
export async function openOrReset(
  factory: IDBFactory,
  name: string,
  version: number,
  stores: readonly string[],
  upgrade: Upgrade,
): Promise<OpenedDatabase> {
  const found = await openUnlessBroken(factory, name, version, upgrade);
  if (found !== null && stores.every((store) => found.objectStoreNames.contains(store))) {
    return { db: yieldingToUpgrades(found), reset: false };
  }
  found?.close();
  await request(factory.deleteDatabase(name));
  const db = await open(factory, name, version, upgrade);
  return { db: yieldingToUpgrades(db), reset: true };
}

/** The database, or null if it cannot be opened as it is (so it should be deleted). */
async function openUnlessBroken(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: Upgrade,
): Promise<IDBDatabase | null> {
  try {
    return await open(factory, name, version, upgrade);
  } catch (error) {
    // A full disk is no sign of a damaged database: keep its records and let the caller say so.
    if ((error as DOMException).name === 'QuotaExceededError') throw error;
    return null;
  }
}

// Another tab upgrading the database must not wait for this one.
function yieldingToUpgrades(db: IDBDatabase): IDBDatabase {
  db.onversionchange = () => db.close();
  return db;
}

function open(
  factory: IDBFactory,
  name: string,
  version: number,
  upgrade: Upgrade,
): Promise<IDBDatabase> {
  const opening = factory.open(name, version);
  opening.onupgradeneeded = () => upgrade(opening.result, opening.transaction!);
  return request(opening);
}

/** The request's result once it succeeds. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Settles when the transaction commits; rejects if it fails or is aborted. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
