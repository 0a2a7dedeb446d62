import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** JavaScript and CSS the built site ships, raw and gzip (level 9), biggest first. */
export function assetSizes(dist: string): FileSize[] {
  return walk(dist)
    .filter((f) => ['.js', '.css'].includes(extname(f)))
    .map((f) => {
      const content = readFileSync(f);
      return {
        file: relative(dist, f),
        bytes: content.length,
        gzip: gzipSync(content, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** Bytes of every file in the model folder. */
export function modelBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
