// MNIST kept on the device for offline use (issue 26), only when the person asks: Cache
// Storage, one entry per file keyed by its URL. The service worker never precaches mnist/.
// The worker reads and fills it (mnistData.ts checks every kept file against the manifest);
// the panel reads how much is kept and drops it.

/** Bumped if what is kept changes form; the panel only ever drops this name. */
export const MNIST_CACHE = 'mnist-data-v1';

/** Where a download finds its files and keeps what it fetched. */
export interface MnistStore {
  /** The bytes kept for `url`, or null. */
  get(url: string): Promise<Uint8Array<ArrayBuffer> | null>;
  put(url: string, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
}

/** What this needs of a Cache (tests pass a Map-backed fake). */
export type CacheLike = Pick<Cache, 'match' | 'put' | 'keys'>;

/** What this needs of CacheStorage (`caches`). */
export interface CachesLike {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<CacheLike>;
  delete(name: string): Promise<boolean>;
}

export function cacheStore(cache: Pick<CacheLike, 'match' | 'put'>): MnistStore {
  return {
    async get(url) {
      const response = await cache.match(url);
      return response ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    async put(url, bytes) {
      await cache.put(
        url,
        new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }),
      );
    },
  };
}

/** The store of kept MNIST, made on first use; null where Cache Storage is missing. */
export async function openMnistStore(caches: CachesLike | undefined): Promise<MnistStore | null> {
  return caches ? cacheStore(await caches.open(MNIST_CACHE)) : null;
}

/** Bytes of MNIST kept on the device, 0 if none. Never creates the cache. */
export async function keptMnistBytes(caches: CachesLike): Promise<number> {
  if (!(await caches.has(MNIST_CACHE))) return 0;
  const cache = await caches.open(MNIST_CACHE);
  let bytes = 0;
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    // A Blob's size is known without reading the file into memory.
    if (response) bytes += (await response.blob()).size;
  }
  return bytes;
}

/** Removes every kept MNIST file. */
export async function dropKeptMnist(caches: CachesLike): Promise<void> {
  await caches.delete(MNIST_CACHE);
}
