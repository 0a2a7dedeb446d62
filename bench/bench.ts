// `npm run bench`: builds the site, then prints one table of accuracy, latency and size, writes
// it as bench-results/bench.json and bench-results/bench.md, and puts the Markdown table into
// docs/benchmarks.md between the bench markers. Backends are compared as ratios within this one run:
// the machine is shared and noisy.
//   BENCH_PER_CLASS (100)  handwritten digits per class replayed through the app
//   BENCH_NUMBERS (200), BENCH_NODE_NUMBERS (2000)  numbers replayed through the app, read in Node
//   BENCH_LOADS (5), BENCH_STROKES (6), BENCH_SINGLES (12)  first visits (fresh browser profiles)
//     per page, strokes and undo/redo on each; BENCH_RETURNS (5) return visits per page
//   BENCH_LAYER_ROUNDS (4)  rounds of the Layers panel closed, then open (12 predictions each)
//   BENCH_TRAIN_BACKENDS (wasm,webgl,cpu)  one full training epoch in the page on each
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startStaticServer } from '../e2e/support/serveStatic';
import { reportNonNumbers } from '../training/nonNumbersReport';
import { reportNumbers } from '../training/numbersReport';
import { bundleModules } from './bundleModules';
import { biggest, kb, lowest, ms, pct, ratio, ratioOf, short, sum, timeline } from './format';
import {
  measureLatency,
  measureReturnVisit,
  type BenchBackend,
  type LatencyResult,
} from './latency';
import { measureLayersCost, type LayersCostResult } from './layersCost';
import { accuracyRows } from './accuracyRows';
import { BENCHMARKS_PAGE, initialFiles, updateBenchmarksPage, webglRenderer } from './benchPage';
import { modelAccuracies } from './modelAccuracy';
import { extrasRows, measureExtras, trainBackends, type ExtrasResult } from './pageExtras';
import {
  heldOutNonDigitSample,
  replayNonDigits,
  type NonDigitReplayResult,
} from './nonDigitReplay';
import { NUMBERS_SEED, replayNumbers, type NumbersResult } from './numbers';
import { replayHandwriting, type ReplayResult } from './replay';
import { buildSite, envNumber, launchChromium, trainedModelDirs } from './setup';
import { assetSizes, modelBytes, type FileSize } from './sizes';
import type { Summary } from './stats';

const PORT = envNumber('BENCH_PORT', 4190);
const PER_CLASS = envNumber('BENCH_PER_CLASS', 100);
/** 200: with 100, one number is one point, the size of the shortfall the target bounds. */
const NUMBERS = envNumber('BENCH_NUMBERS', 200);
/** Numbers read in Node by the same code (training/numbersReport.ts): enough to see 1 point. */
const NODE_NUMBERS = envNumber('BENCH_NODE_NUMBERS', 2000);
/** Held-out non-digit drawings replayed through the app (half generated, half UNIPEN letters). */
const NON_DIGITS = envNumber('BENCH_NON_DIGITS', 200);
const RUNS = {
  loads: envNumber('BENCH_LOADS', 5),
  strokes: envNumber('BENCH_STROKES', 6),
  singles: envNumber('BENCH_SINGLES', 12),
};
const RETURNS = envNumber('BENCH_RETURNS', 5);
/** The default page (the backend it picks for this machine) and each backend forced. */
const BACKENDS: BenchBackend[] = ['default', 'webgl', 'wasm', 'cpu'];
const LAYER_ROUNDS = envNumber('BENCH_LAYER_ROUNDS', 4);
/** The pages whose return visit and Layers panel cost are measured: what visitors get, WebGL. */
const RETURN_VISITS: BenchBackend[] = ['default', 'webgl'];

const started = performance.now();
const step = (what: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${what}`);

step('building');
buildSite();
const assets = assetSizes('dist');
const initial = initialFiles('dist/index.html');
const modules = await bundleModules();
const model = modelBytes('public/model');

step(`reading ${NODE_NUMBERS} numbers in Node`);
const nodeNumbers = await reportNumbers({
  writers: 'held-out',
  count: NODE_NUMBERS,
  seed: NUMBERS_SEED,
});

step(`reading ${NON_DIGITS} held-out non-digits in Node`);
const nodeNonDigits = await reportNonNumbers(heldOutNonDigitSample(NON_DIGITS));

step('accuracy of the trained models (Node, wasm backend)');
const accuracy = await modelAccuracies(
  'public/model/model.json',
  trainedModelDirs().map(({ dir }) => join(dir, 'model.json')),
);

const server = await startStaticServer('dist', PORT, ['/']);
const url = `http://127.0.0.1:${PORT}/`;
const browser = await launchChromium();
let replay: ReplayResult;
let numbers: NumbersResult;
let nonDigits: NonDigitReplayResult;
const latency: LatencyResult[] = [];
const returnVisits: { backend: BenchBackend; modelReadyMs: Summary }[] = [];
const layersCost: LayersCostResult[] = [];
let extras: ExtrasResult;
const chromium = browser.version();
const renderer = await webglRenderer(browser);
try {
  step(`replaying ${PER_CLASS * 10} handwritten digits through the app`);
  replay = await replayHandwriting(browser, url, PER_CLASS, (done, total) => {
    if (done % 100 === 0) step(`  ${done}/${total}`);
  });
  step(`replaying ${NUMBERS} numbers, then their digits one at a time`);
  numbers = await replayNumbers(browser, url, NUMBERS, (done, total) => {
    if (done % 20 === 0) step(`  ${done}/${total}`);
  });
  step(`replaying ${NON_DIGITS} held-out non-digits`);
  nonDigits = await replayNonDigits(browser, url, NON_DIGITS, (done, total) => {
    if (done % 50 === 0) step(`  ${done}/${total}`);
  });
  for (const backend of BACKENDS) {
    step(`first visits and latency, ${label(backend)}`);
    latency.push(await measureLatency(url, backend, RUNS));
  }
  for (const backend of RETURN_VISITS) {
    step(`return visits, ${label(backend)}`);
    returnVisits.push({ backend, modelReadyMs: await measureReturnVisit(url, backend, RETURNS) });
  }
  for (const backend of RETURN_VISITS) {
    step(`Layers panel closed and open, ${label(backend)}`);
    layersCost.push(
      await measureLayersCost(browser, url, backend, { rounds: LAYER_ROUNDS, singles: 12 }),
    );
  }
  await browser.close();
  extras = await measureExtras(
    launchChromium,
    url,
    'dist',
    { userModelBackends: RETURN_VISITS, trainBackends: trainBackends(), strokes: RUNS.strokes },
    step,
  );
} finally {
  await browser.close();
  server.close();
}

const seconds = (performance.now() - started) / 1000;
const machine = `${cpus()[0]?.model.trim() ?? 'cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium ${chromium}, WebGL renderer: ${renderer}`;
const date = new Date().toISOString().slice(0, 10);
const markdown = table();
console.log(`\n${markdown}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  join('bench-results', 'bench.json'),
  JSON.stringify(
    {
      date,
      machine,
      seconds,
      accuracy,
      replay,
      numbers,
      nodeNumbers,
      nonDigits,
      nodeNonDigits: { ...nodeNonDigits, shown: undefined },
      latency,
      returnVisits,
      layersCost,
      extras,
      assets,
      initial,
      modules,
      modelBytes: model,
    },
    null,
    2,
  ),
);
writeFileSync(join('bench-results', 'bench.md'), markdown);
await updateBenchmarksPage(markdown);
console.log(
  `\nwrote bench-results/bench.json, bench-results/bench.md and ${BENCHMARKS_PAGE} (${seconds.toFixed(0)} s)`,
);

function table(): string {
  const webgl = latency.find((l) => l.backend === 'webgl')!;
  const shipped = accuracy.find((a) => a.shipped)!;
  const rows: [string, string][] = [
    ['Date, machine', `${date}, ${machine}`],
    ...accuracyRows(accuracy),
    ...(['mnist', 'crop', 'naive'] as const).map((mode): [string, string] => [
      `Handwriting through the app, ${mode === 'mnist' ? 'our preprocessing' : mode === 'crop' ? 'crop-only preprocessing' : 'naive preprocessing (whole pad)'}`,
      `${pct(replay.accuracy[mode].accuracy)} of ${replay.accuracy[mode].count} (lowest: ${lowest(replay.accuracy[mode].perClass)})`,
    ]),
    [
      `Numbers through the app (${numbers.numbers} numbers of 2-8 digits, ${numbers.digits} digits, ${numbers.backend})`,
      `whole number right ${pct(numbers.wholeRight)}; every digit right when written alone ` +
        `${pct(numbers.allDigitsRightSingly)} (single digits ${pct(numbers.singleAccuracy)}); ` +
        `shortfall ${((numbers.allDigitsRightSingly - numbers.wholeRight) * 100).toFixed(2)} ` +
        `points (± ${(numbers.shortfallError * 100).toFixed(2)}, one standard error); ` +
        `wrong split or merge ${pct(numbers.wrongSplit)}`,
    ],
    [
      `Numbers read in Node by the page's code (${nodeNumbers.numbers} numbers of the ${nodeNumbers.writers} writers, ${nodeNumbers.digits} digits; training/numbersReport.ts, the browser's figures exactly on the bench's numbers)`,
      `whole number right ${pct(nodeNumbers.wholeRight)}; every digit right when written alone ` +
        `${pct(nodeNumbers.allDigitsRightSingly)} (single digits ${pct(nodeNumbers.singleAccuracy)}); ` +
        `shortfall ${(nodeNumbers.shortfall * 100).toFixed(2)} points (± ${(nodeNumbers.standardError * 100).toFixed(2)}): ` +
        `${nodeNumbers.lostToGrouping} lost to grouping, ${nodeNumbers.lostInContext} to a digit read otherwise in the number, ` +
        `${nodeNumbers.gained} right though a digit reads wrong alone; wrong split or merge ${pct(nodeNumbers.wrongSplit)}`,
    ],
    [
      `Held-out non-digits through the app (${nonDigits.drawings} drawings, ${nonDigits.multiStroke} of several strokes, ${nonDigits.backend})`,
      `no digit shown ${pct(nonDigits.noDigitShown)} (several strokes ${pct(nonDigits.multiStrokeNoDigitShown)}); ` +
        `in Node by the page's code (training/nonNumbersReport.ts) ${pct(nodeNonDigits.noDigitShown)}; ` +
        `shown with a digit: ${nonDigits.shownDigits.slice(0, 12).join(', ')}`,
    ],
    [
      `Pen-up -> answer, numbers (${numbers.backend}, median / p95)`,
      `single digit ${short(numbers.singleAnswerMs)}; ` +
        Object.entries(numbers.answerMs)
          .map(([n, s]) => `${n} digits ${short(s)}`)
          .join('; ') +
        (numbers.answerMs[8]
          ? ` (8 digits / single, medians: ${ratioOf(numbers.answerMs[8].median, numbers.singleAnswerMs.median)})`
          : ''),
    ],
    ...latency.flatMap((l): [string, string][] => [
      [`Navigation -> model ready, first visit, ${label(l.backend)}`, ms(l.modelReadyMs)],
      [
        `Model files, first visit, ${label(l.backend)}`,
        `model.json requested at median ${l.modelJsonStartMs.median.toFixed(0)} ms, weights received at median ${l.weightsEndMs.median.toFixed(0)} ms`,
      ],
      [`First visit timeline, ${label(l.backend)} (medians, ms from navigation)`, timeline(l)],
      [`Pen-up -> answer, ${label(l.backend)}`, ms(l.penUpMs)],
      [
        `Predict while drawing, ${label(l.backend)}`,
        `${ms(l.drawingMs)}${ratio(l, webgl, 'drawingMs')}`,
      ],
      [
        `Predict, single on an idle page, ${label(l.backend)}`,
        `${ms(l.singleMs)}${ratio(l, webgl, 'singleMs')}`,
      ],
    ]),
    ...returnVisits.map((r): [string, string] => [
      `Navigation -> model ready, return visit (service worker, caches warm), ${label(r.backend)}`,
      ms(r.modelReadyMs),
    ]),
    ...layersCost.map((c): [string, string] => [
      `Predict, single on an idle page, Layers panel closed / open, ${label(c.backend)}`,
      `closed ${ms(c.closedMs)}; open ${ms(c.openMs)} (open / closed, medians: ${ratioOf(c.openMs.median, c.closedMs.median)})`,
    ]),
    ...extrasRows(extras, assets),
    [
      'JavaScript + CSS loaded by the page',
      `${kb(sum(initial.map(byFile), 'gzip'))} gzip (${kb(sum(initial.map(byFile), 'bytes'))} raw): ${initial.join(', ')}`,
    ],
    [
      'All JavaScript + CSS (lazy backends, service worker)',
      `${kb(sum(assets, 'gzip'))} gzip (${kb(sum(assets, 'bytes'))} raw)`,
    ],
    ...assets.map((a): [string, string] => [
      `  ${a.file}`,
      `${kb(a.gzip)} gzip (${kb(a.bytes)} raw)`,
    ]),
    ['Biggest modules (share of their chunk, gzip estimate)', biggest(modules)],
    ['Model files (shipped)', `${kb(model)} (${shipped.architecture})`],
  ];
  const escape = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| measure | result |`,
    `| --- | --- |`,
    ...rows.map(([k, v]) => `| ${escape(k)} | ${escape(v)} |`),
    '',
    `Handwriting: ${replay.accuracy.mnist.count} digits of writers ${accuracy[0]!.heldOutWriters.join(', ')}, ${PER_CLASS} per class, drawn with the mouse in ${replay.seconds.toFixed(0)} s on ${replay.backend}. Latency: ${RUNS.loads} first visits (each a new browser with a fresh profile) x ${RUNS.strokes} strokes and ${RUNS.singles} undo/redo per page; ${RETURNS} return visits per page. Pen-up -> answer: pointerup to the prediction's data-state="done", timed in the page. Whole run ${(seconds / 60).toFixed(1)} min.`,
  ].join('\n');
}

function byFile(file: string): FileSize {
  const found = assets.find((a) => a.file === file);
  if (!found) throw new Error(`index.html loads ${file}, which the build did not write`);
  return found;
}

/** The page as the table names it: the default page says which backend it chose. */
function label(backend: BenchBackend): string {
  if (backend !== 'default') return `?backend=${backend}`;
  const ran = latency.find((l) => l.backend === 'default')?.ranOn;
  return ran ? `default page (${ran})` : 'default page';
}
