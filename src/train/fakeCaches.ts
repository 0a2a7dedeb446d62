// Cache Storage in memory for unit tests (Node has no `caches`): what mnistStore.ts uses.
import type { CacheLike, CachesLike } from './mnistStore';

const key = (request: RequestInfo | URL) =>
  typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;

/** A Cache over a Map of URL -> bytes (a Response's body can be read once; bytes any number). */
export function fakeCache(): CacheLike & { files: Map<string, Uint8Array<ArrayBuffer>> } {
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    files,
    async match(request) {
      const bytes = files.get(key(request));
      return bytes ? new Response(bytes.slice()) : undefined;
    },
    async put(request, response) {
      files.set(key(request), new Uint8Array(await response.arrayBuffer()));
    },
    async keys() {
      return [...files.keys()].map((url) => new Request(url));
    },
  };
}

/** CacheStorage over named fake caches. */
export function fakeCaches(): CachesLike & { named: Map<string, ReturnType<typeof fakeCache>> } {
  const named = new Map<string, ReturnType<typeof fakeCache>>();
  return {
    named,
    has: async (name) => named.has(name),
    async open(name) {
      if (!named.has(name)) named.set(name, fakeCache());
      return named.get(name)!;
    },
    delete: async (name) => named.delete(name),
  };
}
