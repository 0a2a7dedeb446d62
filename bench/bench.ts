// `npm run bench`: builds the site, then prints one table of accuracy, latency and size, and
// writes it as bench-results/bench.json. Timings are compared as ratios within this one run:
// the machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { HELD_OUT_WRITERS, INPUT_PIXELS } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { startStaticServer } from '../scripts/serveStatic';
import { accuracyReport, type AccuracyReport } from '../training/confusion';
import { loadModelFile } from '../training/loadModelFile';
import { loadMnistSplit } from '../training/mnist';
import { loadStrokeDigits, splitByWriter } from '../training/pendigits';
import { bytesToFloats, predictClasses } from '../training/predict';
import { startWasmBackend } from '../training/wasmBackend';
import { launchChromium, measureLatency, type LatencyResult } from './latency';
import { assetSizes, modelBytes } from './sizes';
import type { Summary } from './stats';

const PORT = 4190;
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const STROKES = Number(process.env.BENCH_STROKES ?? 5);

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const assets = assetSizes('dist');
const model = modelBytes('public/model');
const accuracy = await modelAccuracy();
const server = await startStaticServer('dist', PORT, ['/']);
const browser = await launchChromium();
const latency: LatencyResult[] = [];
try {
  for (const backend of ['webgl', 'cpu'] as const) {
    latency.push(
      await measureLatency(browser, `http://127.0.0.1:${PORT}/`, backend, LOADS, STROKES),
    );
  }
} finally {
  await browser.close();
  server.close();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (s: Summary) =>
  `min ${s.min.toFixed(1)} / median ${s.median.toFixed(1)} / p95 ${s.p95.toFixed(1)} / max ${s.max.toFixed(1)} ms (n=${s.n})`;
const pct = (r: AccuracyReport) =>
  `${(r.accuracy * 100).toFixed(2)}% of ${r.count} (lowest: ${lowest(r)})`;
const webgl = latency.find((l) => l.backend === 'webgl')!;
const rows: [string, string][] = [
  [
    'Machine',
    `${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, ${new Date().toISOString().slice(0, 10)}`,
  ],
  ['MNIST test (shipped model, Node/wasm)', pct(accuracy.mnist)],
  ['Unseen pen writers (Node, shared preprocessing)', pct(accuracy.writers)],
  ...latency.flatMap((l): [string, string][] => [
    [`Predict latency, ${l.backend}`, ms(l.predictMs)],
    [`Navigation -> model-ready, ${l.backend} (cold)`, ms(l.modelReadyMs)],
    ...(l === webgl
      ? []
      : [
          [
            `Median ratio ${l.backend} / webgl`,
            (l.predictMs.median / webgl.predictMs.median).toFixed(2),
          ] as [string, string],
        ]),
  ]),
  ['JavaScript + CSS shipped', `${kb(sum(assets, 'bytes'))} raw, ${kb(sum(assets, 'gzip'))} gzip`],
  ...assets.map((a): [string, string] => [`  ${a.file}`, `${kb(a.bytes)} raw, ${kb(a.gzip)} gzip`]),
  ['Model files', kb(model)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}`);
console.log(
  '\nNot yet measured here (issue 5): the 1,000-digit replay through the app with the naive and ' +
    'crop-only preprocessing beside ours, the wasm backend, and the biggest modules.',
);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  join('bench-results', 'bench.json'),
  JSON.stringify(
    { date: new Date().toISOString(), accuracy, latency, assets, modelBytes: model },
    null,
    2,
  ),
);
console.log('wrote bench-results/bench.json');

async function modelAccuracy() {
  await startWasmBackend();
  const { model } = await loadModelFile('public/model/model.json');
  const test = loadMnistSplit('t10k');
  const mnist = accuracyReport(
    await predictClasses(model, bytesToFloats(test.images), test.count),
    test.labels,
  );
  const { heldOut } = splitByWriter(loadStrokeDigits());
  const images = new Float32Array(heldOut.length * INPUT_PIXELS);
  heldOut.forEach((d, i) => images.set(strokesToInput(d.strokes)!, i * INPUT_PIXELS));
  const writers = accuracyReport(
    await predictClasses(model, images, heldOut.length),
    heldOut.map((d) => d.label),
  );
  model.dispose();
  return { mnist, writers, heldOutWriters: HELD_OUT_WRITERS };
}

function lowest(report: AccuracyReport): string {
  return report.perClass
    .map((v, d) => ({ v, d }))
    .sort((a, b) => a.v - b.v)
    .slice(0, 2)
    .map(({ v, d }) => `${d}: ${(v * 100).toFixed(1)}%`)
    .join(', ');
}

function sum<T>(items: T[], key: keyof T): number {
  return items.reduce((n, item) => n + Number(item[key]), 0);
}
