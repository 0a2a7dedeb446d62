// `npm run bench:models`: the architecture trade-off. Every trained model in training/runs/
// (and the shipped one) is put into a copy of the built site in turn and measured in the
// browser exactly as `npm run bench` measures the shipped one: latency on WebGL while drawing
// and on an idle page, and the time to model-ready, and the default page's (wasm where WebGL is
// software) while drawing and to model-ready; beside the accuracy recorded in its files.
//   BENCH_LOADS (2), BENCH_STROKES (4), BENCH_SINGLES (12)
//   BENCH_PER_CLASS (0)  also replay this many handwritten digits per class through the app
//                        with each model (as `npm run bench` does; about 8 min per model at 100)
//   BENCH_ONLY           comma-separated model names to measure (default: all)
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelMetadata } from '../src/model/modelFormat';
import { startStaticServer } from '../e2e/support/serveStatic';
import { measureLatency } from './latency';
import { replayHandwriting } from './replay';
import { buildSite, envNumber, launchChromium, trainedModelDirs } from './setup';
import { modelBytes } from './sizes';

const PORT = 4191;
const PER_CLASS = envNumber('BENCH_PER_CLASS', 0);
const ONLY = process.env.BENCH_ONLY?.split(',');
const RUNS = {
  loads: envNumber('BENCH_LOADS', 2),
  strokes: envNumber('BENCH_STROKES', 4),
  singles: envNumber('BENCH_SINGLES', 12),
};

buildSite();
const models = [{ name: 'shipped', dir: 'public/model' }, ...trainedModelDirs()].filter(
  ({ name }) => !ONLY || ONLY.includes(name),
);
const sites = mkdtempSync(join(tmpdir(), 'bench-models-'));
for (const { name, dir } of models) {
  cpSync('dist', join(sites, name), { recursive: true });
  rmSync(join(sites, name, 'model'), { recursive: true });
  cpSync(dir, join(sites, name, 'model'), { recursive: true, filter: (f) => !f.endsWith('.log') });
}
const server = await startStaticServer(sites, PORT, ['/']);
const browser = await launchChromium();
const rows: string[] = [];
try {
  for (const { name, dir } of models) {
    const metadata = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'))
      .userDefinedMetadata as ModelMetadata;
    const url = `http://127.0.0.1:${PORT}/${name}/`;
    const l = await measureLatency(url, 'webgl', RUNS);
    const d = await measureLatency(url, 'default', RUNS);
    const replay = PER_CLASS > 0 ? await replayHandwriting(browser, url, PER_CLASS) : null;
    const row = [
      name,
      metadata.architecture,
      metadata.parameterCount.toLocaleString('en'),
      `${(modelBytes(join(sites, name, 'model')) / 1024).toFixed(1)} KB`,
      `${(metadata.accuracy.mnistTest * 100).toFixed(2)}%`,
      metadata.accuracy.heldOutWriters === undefined
        ? '-'
        : `${(metadata.accuracy.heldOutWriters * 100).toFixed(2)}%`,
      `${l.singleMs.median.toFixed(1)} / ${l.singleMs.p95.toFixed(1)}`,
      `${l.drawingMs.median.toFixed(1)} / ${l.drawingMs.p95.toFixed(1)}`,
      `${l.modelReadyMs.median.toFixed(0)}`,
      `${d.ranOn}: ${d.drawingMs.median.toFixed(1)} / ${d.drawingMs.p95.toFixed(1)}`,
      `${d.modelReadyMs.median.toFixed(0)}`,
      replay
        ? `${(replay.accuracy.mnist.accuracy * 100).toFixed(2)}% of ${replay.accuracy.mnist.count} (${replay.mistakes.join('; ')})`
        : '-',
    ];
    console.log(row.join('  '));
    rows.push(`| ${row.join(' | ')} |`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(sites, { recursive: true, force: true });
}
console.log(
  [
    '',
    '| model | architecture | parameters | files | MNIST test | unseen writers (Node) | webgl single, median / p95 ms | webgl while drawing, median / p95 ms | model-ready ms (first visit) | default page while drawing, median / p95 ms | default page model-ready ms | handwriting through the app |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${new Date().toISOString().slice(0, 10)}; ${RUNS.loads} first visits (fresh browser profiles) x ${RUNS.strokes} strokes and ${RUNS.singles} undo/redo per model.`,
  ].join('\n'),
);
