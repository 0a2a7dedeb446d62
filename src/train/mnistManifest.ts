// The MNIST files the built site serves for training in the page (issue 26): written by
// scripts/mnistFiles.ts at build, read by mnistData.ts in the training worker.

/** Folder of the files beside index.html; also the dev server's path. */
export const MNIST_DIR = 'mnist';
export const MNIST_MANIFEST = 'manifest.json';

/** The four files: raw bytes without IDX headers, gzipped. */
export const MNIST_PARTS = ['trainImages', 'trainLabels', 'testImages', 'testLabels'] as const;
export type MnistPart = (typeof MNIST_PARTS)[number];

/** One gzipped file as served. */
export interface MnistFileEntry {
  /** File name inside MNIST_DIR. `.bin`, not `.gz`: hosts then neither transcode it nor add a
   * Content-Encoding the browser would undo before the worker's own DecompressionStream. */
  path: string;
  /** Bytes of the file as served (gzipped). */
  bytes: number;
  /** Bytes once decompressed: count x 784 for images, count for labels. */
  rawBytes: number;
  /** Images or labels in it. */
  count: number;
  /** Hex SHA-256 of the file as served. */
  sha256: string;
}

export interface MnistManifest {
  /** Where the files come from, in words (the npm package and its version). */
  source: string;
  encoding: 'gzip';
  files: Record<MnistPart, MnistFileEntry>;
}

/** The file name of each part inside MNIST_DIR. */
export const MNIST_FILE_NAMES: Record<MnistPart, string> = {
  trainImages: 'train-images.bin',
  trainLabels: 'train-labels.bin',
  testImages: 'test-images.bin',
  testLabels: 'test-labels.bin',
};

/** Bytes to download in all, the figure shown before the download starts. */
export function manifestBytes(manifest: MnistManifest): number {
  return MNIST_PARTS.reduce((sum, part) => sum + manifest.files[part].bytes, 0);
}
