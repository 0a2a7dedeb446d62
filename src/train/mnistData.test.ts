import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import { fakeCache } from './fakeCaches';
import { loadMnist, NetworkError } from './mnistData';
import { MNIST_FILE_NAMES, MNIST_PARTS, type MnistManifest, type MnistPart } from './mnistManifest';
import { cacheStore } from './mnistStore';

const DATA_URL = 'https://example.test/site/mnist/';

/** A tiny MNIST: 3 training and 2 test images whose pixels encode their index. */
function tinySite() {
  const raw: Record<MnistPart, Uint8Array> = {
    trainImages: Uint8Array.from({ length: 3 * INPUT_PIXELS }, (_, i) => i % 251),
    trainLabels: Uint8Array.from([7, 0, 9]),
    testImages: Uint8Array.from({ length: 2 * INPUT_PIXELS }, (_, i) => (i * 3) % 256),
    testLabels: Uint8Array.from([1, 2]),
  };
  const files = new Map<string, Uint8Array>();
  const entries = MNIST_PARTS.map((part) => {
    const gz = new Uint8Array(gzipSync(raw[part]));
    files.set(MNIST_FILE_NAMES[part], gz);
    const count = part.endsWith('Images') ? raw[part].length / INPUT_PIXELS : raw[part].length;
    const sha256 = createHash('sha256').update(gz).digest('hex');
    return [
      part,
      { path: MNIST_FILE_NAMES[part], bytes: gz.length, rawBytes: raw[part].length, count, sha256 },
    ];
  });
  const manifest = {
    source: 'test',
    encoding: 'gzip',
    files: Object.fromEntries(entries),
  } as MnistManifest;
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  const fetched: string[] = [];
  const fetchFn = async (url: string) => {
    fetched.push(url);
    const name = url.slice(DATA_URL.length);
    const body = files.get(name);
    return body
      ? new Response(body as Uint8Array<ArrayBuffer>)
      : new Response('not found', { status: 404 });
  };
  return { raw, files, manifest, fetchFn, fetched };
}

describe('loadMnist', () => {
  it('downloads, checks and decompresses the four files, with progress up to the total', async () => {
    const { raw, manifest, fetchFn } = tinySite();
    const progress: [number, number][] = [];
    const data = await loadMnist(DATA_URL, (loaded, total) => progress.push([loaded, total]), {
      fetchFn,
    });
    expect(data.train.count).toBe(3);
    expect(data.test.count).toBe(2);
    expect(data.train.images).toEqual(raw.trainImages);
    expect(data.train.labels).toEqual(raw.trainLabels);
    expect(data.test.images).toEqual(raw.testImages);
    const total = MNIST_PARTS.reduce((n, p) => n + manifest.files[p].bytes, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    const loaded = progress.map(([n]) => n);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  });

  it('fails with the file and the HTTP status when a file is missing', async () => {
    const { files, fetchFn } = tinySite();
    files.delete(MNIST_FILE_NAMES.testLabels);
    await expect(loadMnist(DATA_URL, () => {}, { fetchFn })).rejects.toThrow(
      `Could not download ${DATA_URL}test-labels.bin: HTTP 404.`,
    );
  });

  it('fails when the network request itself fails', async () => {
    const fetchFn = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadMnist(DATA_URL, () => {}, { fetchFn })).rejects.toThrow(
      'the network request failed',
    );
  });

  it('fails on a file cut short, or not the one the manifest describes', async () => {
    const short = tinySite();
    const images = short.files.get(MNIST_FILE_NAMES.trainImages)!;
    short.files.set(MNIST_FILE_NAMES.trainImages, images.subarray(0, images.length - 5));
    await expect(loadMnist(DATA_URL, () => {}, { fetchFn: short.fetchFn })).rejects.toThrow(
      'was cut short',
    );
    const changed = tinySite();
    const labels = changed.files.get(MNIST_FILE_NAMES.trainLabels)!.slice();
    labels[labels.length - 9]! ^= 1;
    changed.files.set(MNIST_FILE_NAMES.trainLabels, labels);
    await expect(loadMnist(DATA_URL, () => {}, { fetchFn: changed.fetchFn })).rejects.toThrow(
      'is not the file the manifest describes',
    );
  });
});

/** No network at all, as offline. */
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('loadMnist with MNIST kept for offline use', () => {
  it('keeps what it downloads, then loads offline from what is kept', async () => {
    const { raw, files, fetchFn } = tinySite();
    const cache = fakeCache();
    const online = await loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) });
    expect([...cache.files.keys()].sort()).toEqual(
      [...files.keys()].map((name) => DATA_URL + name).sort(),
    );
    for (const [name, bytes] of files) expect(cache.files.get(DATA_URL + name)).toEqual(bytes);

    const progress: [number, number][] = [];
    const kept = await loadMnist(DATA_URL, (loaded, total) => progress.push([loaded, total]), {
      fetchFn: offline,
      store: cacheStore(cache),
    });
    expect(kept).toEqual(online);
    expect(kept.train.images).toEqual(raw.trainImages);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
  });

  it('reads kept files without the network, the manifest from the network first', async () => {
    const { fetchFn, fetched } = tinySite();
    const cache = fakeCache();
    await loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) });
    fetched.length = 0;
    await loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) });
    expect(fetched).toEqual([`${DATA_URL}manifest.json`]);
  });

  it('downloads again a kept file the manifest does not describe, and keeps the new one', async () => {
    const { files, fetchFn, fetched } = tinySite();
    const cache = fakeCache();
    const url = DATA_URL + MNIST_FILE_NAMES.trainLabels;
    const changed = files.get(MNIST_FILE_NAMES.trainLabels)!.slice();
    changed[changed.length - 9]! ^= 1;
    cache.files.set(url, changed);
    await loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) });
    expect(fetched).toContain(url);
    expect(cache.files.get(url)).toEqual(files.get(MNIST_FILE_NAMES.trainLabels));
  });

  it('offline with nothing kept, or without a store, fails as a network error', async () => {
    for (const store of [cacheStore(fakeCache()), undefined]) {
      const failure = loadMnist(DATA_URL, () => {}, { fetchFn: offline, store });
      await expect(failure).rejects.toBeInstanceOf(NetworkError);
      await expect(failure).rejects.toThrow('the network request failed');
    }
  });

  it('offline with only the manifest kept, fails on the first file not kept', async () => {
    const { fetchFn } = tinySite();
    const cache = fakeCache();
    await loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) });
    cache.files.delete(DATA_URL + MNIST_FILE_NAMES.testImages);
    await expect(
      loadMnist(DATA_URL, () => {}, { fetchFn: offline, store: cacheStore(cache) }),
    ).rejects.toThrow(`Could not download ${DATA_URL}test-images.bin`);
  });

  it('keeps the manifest only once every file it describes is kept', async () => {
    const { files, fetchFn } = tinySite();
    files.delete(MNIST_FILE_NAMES.testLabels);
    const cache = fakeCache();
    await expect(
      loadMnist(DATA_URL, () => {}, { fetchFn, store: cacheStore(cache) }),
    ).rejects.toThrow('HTTP 404');
    expect(cache.files.has(`${DATA_URL}manifest.json`)).toBe(false);
  });

  it('still trains when the store will not keep a file (storage full)', async () => {
    const { raw, fetchFn } = tinySite();
    const store = { get: async () => null, put: () => Promise.reject(new Error('quota')) };
    const data = await loadMnist(DATA_URL, () => {}, { fetchFn, store });
    expect(data.test.labels).toEqual(raw.testLabels);
  });
});
