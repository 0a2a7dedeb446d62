// MNIST for the training worker: the manifest, then the four gzipped files with progress,
// each checked against the manifest before a run may train on it.
import { INPUT_PIXELS, NUM_CLASSES } from '../constants';
import {
  MNIST_MANIFEST,
  MNIST_PARTS,
  manifestBytes,
  type MnistFileEntry,
  type MnistManifest,
  type MnistPart,
} from './mnistManifest';

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

/** The manifest of the files under `dataUrl` (a folder URL ending in '/'). */
export async function fetchMnistManifest(
  dataUrl: string,
  fetchFn: Fetch = fetch,
): Promise<MnistManifest> {
  const url = new URL(MNIST_MANIFEST, dataUrl).href;
  const manifest = (await (await get(url, fetchFn)).json()) as Partial<MnistManifest>;
  if (manifest.encoding !== 'gzip' || !MNIST_PARTS.every((p) => manifest.files?.[p])) {
    throw new Error(`The MNIST manifest ${url} does not describe the four files this page reads.`);
  }
  return manifest as MnistManifest;
}

/** Downloads, checks and decompresses MNIST's train and test sets. */
export async function loadMnist(
  dataUrl: string,
  onProgress: DownloadProgress,
  { fetchFn = fetch, signal }: { fetchFn?: Fetch; signal?: AbortSignal } = {},
): Promise<MnistData> {
  const manifest = await fetchMnistManifest(dataUrl, fetchFn);
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
      const gz = await download(url, entry, fetchFn, signal, (n) => {
        loaded[part] = n;
        onProgress(
          MNIST_PARTS.reduce((sum, p) => sum + loaded[p], 0),
          total,
        );
      });
      await checkDigest(gz, entry, url);
      return checkRaw(await gunzip(gz, url), entry, url, part);
    }),
  );
  return {
    train: digitImages(trainImages!, trainLabels!),
    test: digitImages(testImages!, testLabels!),
  };
}

async function get(url: string, fetchFn: Fetch, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`Could not download ${url}: the network request failed.`, { cause: error });
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
async function checkDigest(
  gz: Uint8Array<ArrayBuffer>,
  entry: MnistFileEntry,
  url: string,
): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', gz));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  if (hex !== entry.sha256) throw new Error(`${url} is not the file the manifest describes.`);
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
