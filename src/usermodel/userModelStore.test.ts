import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DATABASE,
  DISCARDED,
  type KeptUserModel,
  openUserModelStore,
  STORE_FORMAT,
} from './userModelStore';

// A Dense 784 -> 2 layers model (float32) and a graph model with a uint8-quantised weight, so
// the byte check covers both storage sizes.
function layersModel(id = 'layers-1', time = 1): KeptUserModel {
  const modelJson = {
    format: 'layers-model',
    modelTopology: { class_name: 'Sequential', config: { layers: [] } },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: [
          { name: 'dense/kernel', shape: [784, 2], dtype: 'float32' },
          { name: 'dense/bias', shape: [2], dtype: 'float32' },
        ],
      },
    ],
  };
  const weights = Float32Array.from({ length: 784 * 2 + 2 }, (_, i) => i / 7);
  return {
    id,
    name: 'mnist/model.json',
    artifacts: { modelJson, weightData: weights.buffer },
    time,
  };
}

function graphModel(id = 'graph-1', time = 2): KeptUserModel {
  const modelJson = {
    format: 'graph-model',
    modelTopology: { node: [{ name: 'x', op: 'Placeholder' }], versions: { producer: 1 } },
    weightsManifest: [
      {
        paths: ['a.bin', 'b.bin'],
        weights: [
          {
            name: 'w',
            shape: [784, 10],
            dtype: 'float32',
            quantization: { dtype: 'uint8', min: -1, scale: 0.01 },
          },
          { name: 'b', shape: [10], dtype: 'float32' },
        ],
      },
    ],
  };
  const weightData = new Uint8Array(784 * 10 + 10 * 4).map((_, i) => i % 251).buffer;
  return {
    id,
    name: 'https://example.org/mnist/model.json',
    artifacts: { modelJson, weightData },
    time,
  };
}

/** Opens the raw database at its current version and runs `write` on its models store. */
async function tamper(factory: IDBFactory, write: (models: IDBObjectStore) => void) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(DATABASE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction('models', 'readwrite');
  write(tx.objectStore('models'));
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

/** The record as stored for `model`. */
const record = ({ id, name, artifacts, time }: KeptUserModel) => ({
  format: STORE_FORMAT,
  id,
  name,
  ...artifacts,
  time,
});

afterEach(() => vi.restoreAllMocks());

describe('openUserModelStore', () => {
  it('starts from nothing: no model, no notice, and the database at format 1', async () => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    expect(await store.load()).toEqual({ model: null, notice: null });
    store.close();
    const databases = await factory.databases();
    expect(databases).toEqual([{ name: DATABASE, version: STORE_FORMAT }]);
  });

  it('keeps a model across openings, its json and weight bytes intact', async () => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    await store.keep(layersModel());
    store.close();
    const again = await openUserModelStore({ factory });
    const { model, notice } = await again.load();
    expect(notice).toBeNull();
    expect(model).toEqual(layersModel());
    expect(new Float32Array(model!.artifacts.weightData)).toEqual(
      new Float32Array(layersModel().artifacts.weightData),
    );
    again.close();
  });

  it('keeps at most one model: keeping another replaces it', async () => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    await store.keep(layersModel());
    await store.keep(graphModel());
    expect(await store.load()).toEqual({ model: graphModel(), notice: null });
    let count = -1;
    await tamper(factory, (models) => {
      const counted = models.count();
      counted.onsuccess = () => (count = counted.result);
    });
    expect(count).toBe(1);
    store.close();
  });

  it('removes the kept model, for good', async () => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    await store.keep(graphModel());
    await store.remove();
    expect(await store.load()).toEqual({ model: null, notice: null });
    store.close();
    const again = await openUserModelStore({ factory });
    expect(await again.load()).toEqual({ model: null, notice: null });
    again.close();
  });

  const good = record(layersModel());
  const json = good.modelJson;
  const damaged: [string, unknown][] = [
    ['a short weight buffer', { ...good, weightData: good.weightData.slice(4) }],
    ['weights that are not an ArrayBuffer', { ...good, weightData: new Float32Array(1570) }],
    ['no modelTopology', { ...good, modelJson: { ...json, modelTopology: undefined } }],
    ['no weightsManifest', { ...good, modelJson: { ...json, weightsManifest: undefined } }],
    [
      'a bad shape',
      {
        ...good,
        modelJson: {
          ...json,
          weightsManifest: [{ paths: [], weights: [{ name: 'k', shape: [-1], dtype: 'float32' }] }],
        },
      },
    ],
    [
      'an unknown dtype',
      {
        ...good,
        modelJson: {
          ...json,
          weightsManifest: [{ paths: [], weights: [{ name: 'k', shape: [1], dtype: 'float64' }] }],
        },
      },
    ],
    [
      'a string weight',
      {
        ...good,
        modelJson: {
          ...json,
          weightsManifest: [{ paths: [], weights: [{ name: 'k', shape: [1], dtype: 'string' }] }],
        },
      },
    ],
    ['no id', { ...good, id: 7 }],
    ['no time', { ...good, time: Number.NaN }],
    ['not an object', 'model.json'],
    ['another format', { ...good, format: STORE_FORMAT + 1 }],
  ];
  it.each(damaged)('removes a kept record with %s, with a notice, and works on', async (_, bad) => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    await store.keep(layersModel());
    await tamper(factory, (models) => models.put(bad, 'kept'));
    expect(await store.load()).toEqual({ model: null, notice: DISCARDED });
    expect(await store.load()).toEqual({ model: null, notice: null });
    await store.keep(graphModel());
    expect(await store.load()).toEqual({ model: graphModel(), notice: null });
    store.close();
  });

  it('removes records beyond the one it keeps, with a notice', async () => {
    const factory = new IDBFactory();
    const store = await openUserModelStore({ factory });
    await store.keep(layersModel());
    await tamper(factory, (models) => models.put(record(graphModel()), 'another'));
    expect(await store.load()).toEqual({ model: null, notice: DISCARDED });
    store.close();
  });

  it('discards a database of a newer version or without its store, with a notice', async () => {
    for (const version of [STORE_FORMAT + 1, STORE_FORMAT]) {
      const factory = new IDBFactory();
      await createDatabase(factory, version, (db) => db.createObjectStore('something-else'));
      const store = await openUserModelStore({ factory });
      expect(await store.load()).toEqual({ model: null, notice: DISCARDED });
      await store.keep(layersModel());
      expect(await store.load()).toEqual({ model: layersModel(), notice: null });
      store.close();
    }
  });

  it('refuses to keep files that could not be read back, keeping the model kept before', async () => {
    const store = await openUserModelStore({ factory: new IDBFactory() });
    await store.keep(graphModel());
    const short = layersModel();
    short.artifacts.weightData = short.artifacts.weightData.slice(8);
    await expect(store.keep(short)).rejects.toThrow(
      'This model cannot be kept on this device: its files do not form a complete tfjs model.',
    );
    expect(await store.load()).toEqual({ model: graphModel(), notice: null });
    store.close();
  });

  it('says so in words when the device is full, keeping the model kept before', async () => {
    const store = await openUserModelStore({ factory: new IDBFactory() });
    await store.keep(graphModel());
    const put = FakeObjectStore.prototype.put;
    // A full disk as browsers report it: put throwing, or the transaction aborting later.
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const full = /^There is not enough storage space on this device to keep this model \(7 KB\)/;
    await expect(store.keep(layersModel())).rejects.toThrow(full);
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementationOnce(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const req = put.apply(this, args);
      Object.assign(this.transaction, { error: new DOMException('quota', 'QuotaExceededError') });
      this.transaction.abort();
      return req;
    });
    await expect(store.keep(layersModel())).rejects.toThrow(full);
    expect(await store.load()).toEqual({ model: graphModel(), notice: null });
    store.close();
  });

  it('says so in words when the browser refuses to store it for another reason', async () => {
    const store = await openUserModelStore({ factory: new IDBFactory() });
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('cannot clone', 'DataCloneError');
    });
    await expect(store.keep(layersModel())).rejects.toThrow(
      'The browser would not keep this model on this device. Until you leave the page, the model keeps working.',
    );
    store.close();
  });

  it('throws at open, and only there, when IndexedDB is unusable', async () => {
    const unusable = {
      open: () => {
        throw new DOMException('private mode', 'InvalidStateError');
      },
      deleteDatabase: () => {
        throw new DOMException('private mode', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    await expect(openUserModelStore({ factory: unusable })).rejects.toThrow('private mode');
  });
});
