// A plain static file server for the built site, as any static host would serve it: dist/ at
// the root and again under a sub-path, so tests prove the build works at both without a rebuild.
//   npx tsx e2e/support/serveStatic.ts [--port 4173] [--root dist] [--prefix /tools/digits/]
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm', // WebAssembly.instantiateStreaming refuses any other type
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `root` at every prefix (longest match wins); resolves once listening. `root` may be a
 * function, read on every request, so a test can switch to a new deployment.
 */
export function startStaticServer(
  root: string | (() => string),
  port: number,
  prefixes: string[],
): Promise<Server> {
  const rootDir = typeof root === 'string' ? () => root : root;
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // The longest matching mount point wins.
    const prefix = prefixes
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    const base = resolve(rootDir());
    let file = prefix === undefined ? null : normalize(join(base, path.slice(prefix.length)));
    if (file && !file.startsWith(base)) file = null;
    if (file && path.endsWith('/')) file = join(file, 'index.html');
    const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      root: { type: 'string', default: 'dist' },
      prefix: { type: 'string', default: '/tools/digits/' },
    },
  });
  const root = resolve(values.root!);
  const prefixes = ['/', values.prefix!];
  await startStaticServer(root, Number(values.port), prefixes);
  console.log(`serving ${root} at http://127.0.0.1:${values.port}${prefixes.join(' and ')}`);
}
