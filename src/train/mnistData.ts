// MNIST for the training worker: the manifest, then the four gzipped files with progress,
// each checked against the manifest before a run may train on it. With a store (the person
// asked to keep MNIST for offline use), kept files are read from it and fetched ones put in it.
import { INPUT_PIXELS, NUM_CLASSES } from '../constants';
import {
  MNIST_MANIFEST,
  MNIST_PARTS,
  manifestBytes,
  type MnistFileEntry,
  type MnistManifest,
  type MnistPart,
} from './mnistManifest';
import type { MnistStore } from './mnistStore';

/** Images as 0..255 bytes, INPUT_PIXELS per image, one label per image. */
export interface DigitImages {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface MnistData {
  train: DigitImages;
  test: DigitImages;
}

/** Bytes downloaded so far of `total` (the manifest's sum, known before the first byte). */
export type DownloadProgress = (loaded: number, total: number) => void;

type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export interface LoadOptions {
  fetchFn?: Fetch;
  signal?: AbortSignal;
  /** Kept files: read first (if the manifest's checksum matches), and filled. */
  store?: MnistStore | null;
}

/**
 * The network could not be reached (offline, or the request was blocked), as opposed to a
 * server that answered with an error or a file that is not the one described.
 */
export class NetworkError extends Error {}

/**
 * The manifest of the files under `dataUrl` (a folder URL ending in '/'). From the network
 * first, so a new deployment's files are seen; the kept copy when the network fails. `fresh`:
 * its bytes when they came from the network, kept only once the files it describes are.
 */
async function manifestFile(
  dataUrl: string,
  { fetchFn = fetch, signal, store }: LoadOptions,
): Promise<{ manifest: MnistManifest; url: string; fresh: Uint8Array<ArrayBuffer> | null }> {
  const url = new URL(MNIST_MANIFEST, dataUrl).href;
  try {
    const fresh = new Uint8Array(await (await get(url, fetchFn, signal)).arrayBuffer());
    return { manifest: readManifest(fresh, url), url, fresh };
  } catch (error) {
    const kept = signal?.aborted ? null : await store?.get(url).catch(() => null);
    if (!kept) throw error;
    return { manifest: readManifest(kept, url), url, fresh: null };
  }
}

function readManifest(bytes: Uint8Array, url: string): MnistManifest {
  let manifest: Partial<MnistManifest> | null = null;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes)) as Partial<MnistManifest>;
  } catch {
    // Not JSON: described below as any other manifest this page cannot read.
  }
  if (manifest?.encoding !== 'gzip' || !MNIST_PARTS.every((p) => manifest.files?.[p])) {
    throw new Error(`The MNIST manifest ${url} does not describe the four files this page reads.`);
  }
  return manifest as MnistManifest;
}

/** Downloads (or reads where kept), checks and decompresses MNIST's train and test sets. */
export async function loadMnist(
  dataUrl: string,
  onProgress: DownloadProgress,
  options: LoadOptions = {},
): Promise<MnistData> {
  const { manifest, url: manifestUrl, fresh } = await manifestFile(dataUrl, options);
  const total = manifestBytes(manifest);
  const loaded: Record<MnistPart, number> = {
    trainImages: 0,
    trainLabels: 0,
    testImages: 0,
    testLabels: 0,
  };
  onProgress(0, total);
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    MNIST_PARTS.map(async (part) => {
      const entry = manifest.files[part];
      const url = new URL(entry.path, dataUrl).href;
      const gz = await fileBytes(url, entry, options, (n) => {
        loaded[part] = n;
        onProgress(
          MNIST_PARTS.reduce((sum, p) => sum + loaded[p], 0),
          total,
        );
      });
      return checkRaw(await gunzip(gz, url), entry, url, part);
    }),
  );
  // Last: a kept manifest means the files it describes were kept too.
  if (fresh) await options.store?.put(manifestUrl, fresh).catch(() => {});
  return {
    train: digitImages(trainImages!, trainLabels!),
    test: digitImages(testImages!, testLabels!),
  };
}

/**
 * The file's checked bytes: the kept copy if it is the one the manifest describes (a new
 * deployment may have changed it), else downloaded, checked, then kept.
 */
async function fileBytes(
  url: string,
  entry: MnistFileEntry,
  { fetchFn = fetch, signal, store }: LoadOptions,
  onBytes: (n: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const kept = await store?.get(url).catch(() => null);
  if (kept && (await matchesEntry(kept, entry))) {
    onBytes(kept.length);
    return kept;
  }
  const gz = await download(url, entry, fetchFn, signal, onBytes);
  if (!(await matchesEntry(gz, entry))) {
    throw new Error(`${url} is not the file the manifest describes.`);
  }
  // Not keeping it (storage full, say) does not stop the run; the panel shows what is kept.
  await store?.put(url, gz).catch(() => {});
  return gz;
}

async function get(url: string, fetchFn: Fetch, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(`Could not download ${url}: the network request failed.`, {
      cause: error,
    });
  }
  if (!response.ok) throw new Error(`Could not download ${url}: HTTP ${response.status}.`);
  return response;
}

/** The file's bytes, read as they arrive so progress can be shown. */
async function download(
  url: string,
  entry: MnistFileEntry,
  fetchFn: Fetch,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const response = await get(url, fetchFn, signal);
  if (!response.body) throw new Error(`Could not download ${url}: the response has no body.`);
  const bytes = new Uint8Array(entry.bytes);
  let n = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > bytes.length) {
      await reader.cancel();
      throw new Error(`${url} is larger than the manifest's ${entry.bytes} bytes.`);
    }
    bytes.set(value, n);
    n += value.length;
    onBytes(n);
  }
  if (n !== entry.bytes) {
    throw new Error(`${url} was cut short: ${n} of ${entry.bytes} bytes arrived.`);
  }
  return bytes;
}

/** Where the page is not a secure context there is no crypto.subtle: sizes are checked still. */
async function matchesEntry(gz: Uint8Array<ArrayBuffer>, entry: MnistFileEntry): Promise<boolean> {
  if (gz.length !== entry.bytes) return false;
  if (!globalThis.crypto?.subtle) return true;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', gz));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === entry.sha256;
}

async function gunzip(gz: Uint8Array<ArrayBuffer>, url: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new Error(`${url} could not be decompressed.`, { cause: error });
  }
}

function checkRaw(raw: Uint8Array, entry: MnistFileEntry, url: string, part: MnistPart) {
  const perItem = part.endsWith('Images') ? INPUT_PIXELS : 1;
  if (raw.length !== entry.rawBytes || raw.length !== entry.count * perItem) {
    throw new Error(
      `${url} holds ${raw.length} bytes once decompressed, not ${entry.count} x ${perItem}.`,
    );
  }
  if (perItem === 1) {
    const bad = raw.findIndex((label) => label >= NUM_CLASSES);
    if (bad >= 0) throw new Error(`${url}: label ${raw[bad]} at ${bad} is not a digit.`);
  }
  return raw;
}

function digitImages(images: Uint8Array, labels: Uint8Array): DigitImages {
  const count = labels.length;
  if (images.length !== count * INPUT_PIXELS) {
    throw new Error(`MNIST: ${images.length / INPUT_PIXELS} images but ${count} labels.`);
  }
  return { images, labels, count };
}
