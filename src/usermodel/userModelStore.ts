import type { io } from '@tensorflow/tfjs-core';
import { weightBytes } from '../model/weightBytes';
import { done, openOrReset, request } from '../storage/indexedDb';
import type { KeptArtifacts } from './UserModel';

// The person's own model, kept on this device so it survives a reload and works offline
// (issue 25). Format 1 (the database's version): store 'models' holding at most one record,
// { format: 1, id, name, modelJson, weightData: ArrayBuffer, time }, under the key 'kept'.
// As in personalStore.ts, anything unreadable is removed with a notice, never shown as an error.

export const DATABASE = 'digit-recogniser-user-models';
export const STORE_FORMAT = 1;
const MODELS = 'models';
const KEY = 'kept';

/** A model kept on the device: enough to load it again without the network. */
export interface KeptUserModel {
  /** The model's content hash (UserModel.id), which also keys its remembered convention. */
  id: string;
  name: string;
  artifacts: KeptArtifacts;
  /** When it was kept (ms since 1970). */
  time: number;
}

export interface LoadedUserModel {
  model: KeptUserModel | null;
  /** Why a kept model was removed, or null. */
  notice: string | null;
}

export interface UserModelStore {
  /** The kept model, if there is one that can be read. */
  load(): Promise<LoadedUserModel>;
  /** Keeps `model` in place of any kept one; throws an Error written for the person. */
  keep(model: KeptUserModel): Promise<void>;
  /** Removes the kept model. */
  remove(): Promise<void>;
  close(): void;
}

export const DISCARDED =
  'The model you kept on this device could not be read (damaged or from another version) and was removed.';

interface KeptRecord {
  format: typeof STORE_FORMAT;
  id: string;
  name: string;
  modelJson: Record<string, unknown>;
  weightData: ArrayBuffer;
  time: number;
}

/** Opens (creating or repairing) the store; throws only if IndexedDB itself is unusable. */
export async function openUserModelStore({
  factory = globalThis.indexedDB,
}: { factory?: IDBFactory } = {}): Promise<UserModelStore> {
  const { db, reset } = await openOrReset(factory, DATABASE, STORE_FORMAT, [MODELS], upgrade);
  let notice: string | null = reset ? DISCARDED : null;

  return {
    async load() {
      const tx = db.transaction(MODELS, 'readonly');
      const records = await request(tx.objectStore(MODELS).getAll());
      const taken = notice;
      notice = null;
      const [record, ...others] = records;
      if (record === undefined) return { model: null, notice: taken };
      if (others.length > 0 || !isKeptRecord(record)) {
        await clear(db);
        return { model: null, notice: DISCARDED };
      }
      const { id, name, modelJson, weightData, time } = record;
      return { model: { id, name, artifacts: { modelJson, weightData }, time }, notice: taken };
    },
    async keep(model) {
      const record = toRecord(model);
      let tx: IDBTransaction | undefined;
      try {
        // One transaction: if the write fails, the model kept before stays.
        tx = db.transaction(MODELS, 'readwrite');
        const models = tx.objectStore(MODELS);
        models.clear();
        models.put(record, KEY);
      } catch (error) {
        tx?.abort();
        throw keepFailure(error, record);
      }
      await done(tx).catch((error: unknown) => {
        throw keepFailure(error, record);
      });
    },
    remove: () => clear(db),
    close: () => db.close(),
  };
}

/** Creates the store; format 1 is the first, so an upgrade starts from nothing. */
function upgrade(db: IDBDatabase): void {
  for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
  db.createObjectStore(MODELS);
}

async function clear(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(MODELS, 'readwrite');
  tx.objectStore(MODELS).clear();
  await done(tx);
}

/** The record for `model`, refusing one that could not be read back (so it is never kept). */
function toRecord({ id, name, artifacts, time }: KeptUserModel): KeptRecord {
  const record: KeptRecord = { format: STORE_FORMAT, id, name, ...artifacts, time };
  const problem = recordProblem(record);
  if (problem !== null) {
    throw new Error(
      'This model cannot be kept on this device: its files do not form a complete tfjs model.',
      { cause: new Error(problem) },
    );
  }
  return record;
}

/** An Error for the person: the write failed, the model kept before (if any) is still there. */
function keepFailure(error: unknown, record: KeptRecord): Error {
  const name = (error as { name?: unknown } | null)?.name;
  const bytes = record.weightData.byteLength;
  const size = bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
  const message =
    name === 'QuotaExceededError'
      ? `There is not enough storage space on this device to keep this model (${size}). ` +
        'Free some space and try again; until you leave the page, the model keeps working.'
      : 'The browser would not keep this model on this device. ' +
        'Until you leave the page, the model keeps working.';
  return new Error(message, { cause: error });
}

function isKeptRecord(record: unknown): record is KeptRecord {
  return recordProblem(record) === null;
}

/** What makes `record` unreadable, in a few words for a bug report, or null if it is sound. */
function recordProblem(record: unknown): string | null {
  if (!isObject(record)) return 'not an object';
  if (record.format !== STORE_FORMAT) return `format ${String(record.format)}`;
  if (typeof record.id !== 'string' || record.id === '') return 'no id';
  if (typeof record.name !== 'string') return 'no name';
  if (typeof record.time !== 'number' || !Number.isFinite(record.time)) return 'no time';
  const { modelJson, weightData } = record;
  if (!isObject(modelJson) || !isObject(modelJson.modelTopology)) return 'no modelTopology';
  const manifest = modelJson.weightsManifest;
  if (!Array.isArray(manifest) || !manifest.every(isManifestGroup)) return 'no weightsManifest';
  if (!(weightData instanceof ArrayBuffer)) return 'weightData is not an ArrayBuffer';
  let expected: number;
  try {
    expected = weightBytes(manifest.flatMap((group) => group.weights));
  } catch (error) {
    return (error as Error).message;
  }
  if (weightData.byteLength !== expected) {
    return `weightData has ${weightData.byteLength} bytes, the manifest expects ${expected}`;
  }
  return null;
}

function isManifestGroup(group: unknown): group is io.WeightsManifestConfig[number] {
  return (
    isObject(group) &&
    Array.isArray(group.paths) &&
    group.paths.every((path) => typeof path === 'string') &&
    Array.isArray(group.weights) &&
    group.weights.every(isManifestEntry)
  );
}

// weightBytes rejects a dtype it does not know; only the shape's arithmetic needs checking here.
function isManifestEntry(entry: unknown): entry is io.WeightsManifestEntry {
  return (
    isObject(entry) &&
    typeof entry.name === 'string' &&
    typeof entry.dtype === 'string' &&
    Array.isArray(entry.shape) &&
    entry.shape.every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    (entry.quantization === undefined || isObject(entry.quantization))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
