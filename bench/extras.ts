// `npm run bench:extras`: builds the site and measures only the rows of a person's own model and
// of training in the page (pageExtras.ts), printing them; `npm run bench` measures them too and
// writes them into docs/benchmarks.md with the rest.
//   BENCH_TRAIN_BACKENDS (wasm,webgl,cpu)  backends one full epoch is timed on
//   BENCH_STROKES (6)  strokes drawn per page
//   BENCH_DIST (dist)  where the site is built and served from
import { startStaticServer } from '../e2e/support/serveStatic';
import { extrasRows, measureExtras, trainBackends } from './pageExtras';
import { assetSizes } from './sizes';
import { buildSite, envNumber, launchChromium } from './setup';

const PORT = envNumber('BENCH_PORT', 4191);
const started = performance.now();
const step = (what: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${what}`);

const dist = process.env.BENCH_DIST ?? 'dist';
step(`building into ${dist}`);
buildSite(dist);
const server = await startStaticServer(dist, PORT, ['/']);
try {
  const result = await measureExtras(
    launchChromium,
    `http://127.0.0.1:${PORT}/`,
    dist,
    {
      userModelBackends: ['default', 'webgl'],
      trainBackends: trainBackends(),
      strokes: envNumber('BENCH_STROKES', 6),
    },
    step,
  );
  for (const [k, v] of extrasRows(result, assetSizes(dist))) console.log(`| ${k} | ${v} |`);
} finally {
  server.close();
}
