import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export interface ModuleShare {
  /** An npm package (`@tensorflow/tfjs-core`) or a path of ours (`src/model/...`). */
  name: string;
  chunk: string;
  /** Bytes of the module's code as bundled, before minification. */
  renderedBytes: number;
  /** Its share of the chunk's minified gzip size, by rendered bytes: an estimate. */
  gzipEstimate: number;
}

/**
 * Builds the site once more (into a temporary folder) to see what each chunk is made of, and
 * returns the packages and our own modules by size, biggest first.
 */
export async function bundleModules(): Promise<ModuleShare[]> {
  const shares: ModuleShare[] = [];
  const collect: Plugin = {
    name: 'bench-module-sizes',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const modules = Object.entries(chunk.modules);
        const rendered = modules.reduce((n, [, m]) => n + m.renderedLength, 0);
        const gzip = gzipSync(chunk.code, { level: 9 }).length;
        const byName = new Map<string, number>();
        for (const [id, m] of modules) {
          const name = ownerOf(id);
          byName.set(name, (byName.get(name) ?? 0) + m.renderedLength);
        }
        for (const [name, bytes] of byName) {
          shares.push({
            name,
            chunk: chunk.fileName,
            renderedBytes: bytes,
            gzipEstimate: rendered ? (gzip * bytes) / rendered : 0,
          });
        }
      }
    },
  };
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-'));
  try {
    await build({ logLevel: 'silent', plugins: [collect], build: { outDir, emptyOutDir: true } });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return shares.filter((s) => s.renderedBytes > 0).sort((a, b) => b.gzipEstimate - a.gzipEstimate);
}

/** `node_modules/@scope/pkg/...` -> `@scope/pkg`; our files -> their path; virtual ids as is. */
function ownerOf(id: string): string {
  const path = id.replace(/^\0/, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [first, second] = path.slice(nm + 'node_modules/'.length).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  return path.startsWith('/') ? relative(process.cwd(), path) : path;
}
