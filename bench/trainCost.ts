// Training in the page (issue 26): the tutorial's network, one full epoch of MNIST in the Train
// panel's worker per backend, beside `npm run train -- --arch mlp` in Node; and what a person
// drawing waits for while a run trains (pen-up -> answer, the same page before and during).
import type { Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { WAVY_LINE } from '../e2e/support/strokes';
import { TRAINABLE_IMAGES } from '../src/components/train/trainSettings';
import { manifestBytes, type MnistManifest } from '../src/train/mnistManifest';
import { BENCH_VIEWPORT } from '../training/benchViewport';
import { pageUrl, type BenchBackend } from './latency';
import { summarise, type Summary } from './stats';

export interface NodeEpoch {
  images: number;
  seconds: number;
}

export interface PageEpoch {
  backend: BenchBackend;
  /** The backend the worker said it trains on. */
  ranOn: string;
  images: number;
  seconds: number;
  testAccuracy: number;
}

export interface TrainingDrawResult {
  backend: string;
  /** Pen-up -> answer on the page with no run, then while its run trains. */
  idlePenUpMs: Summary;
  trainingPenUpMs: Summary;
  /** The shipped model's 'predict' measures while drawing, with no run and while training. */
  idlePredictMs: Summary;
  trainingPredictMs: Summary;
}

/** MNIST's download as the built site serves it (dist/mnist/manifest.json). */
export function mnistDownloadBytes(dist: string): number {
  const manifest = JSON.parse(
    readFileSync(join(dist, 'mnist', 'manifest.json'), 'utf8'),
  ) as MnistManifest;
  return manifestBytes(manifest);
}

/**
 * `npm run train -- --arch mlp --epochs 1 --stroke-repeats 0`: MNIST only (its 55,000 training
 * images, each warped as Node's training does), written to a temporary folder and deleted.
 */
export function nodeMlpEpoch(): NodeEpoch {
  const out = mkdtempSync(join(tmpdir(), 'bench-mlp-'));
  try {
    const run = spawnSync(
      'npx',
      [
        'tsx',
        'training/train.ts',
        '--arch',
        'mlp',
        '--epochs',
        '1',
        '--stroke-repeats',
        '0',
      ].concat(['--out', out]),
      { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
    );
    const line = /epoch 1 trained: (\d+) images in ([\d.]+) s/.exec(run.stdout);
    if (!line)
      throw new Error(`npm run train printed no epoch time:\n${run.stdout}\n${run.stderr}`);
    return { images: Number(line[1]), seconds: Number(line[2]) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One full epoch (all 55,000 training images) of the tutorial's network in the Train panel. */
export async function pageEpoch(
  browser: Browser,
  url: string,
  backend: BenchBackend,
): Promise<PageEpoch> {
  const app = await openPage(browser, pageUrl(url, backend));
  try {
    await startRun(app, { epochs: 1, quick: false });
    const page = app.page;
    const progress = page.getByTestId('train-progress');
    await progressState(app, 'done', 30 * 60_000);
    const row = page.getByTestId('train-epoch-row').first();
    const ms = Number(await row.getAttribute('data-ms'));
    const testAccuracy = Number(
      await page.getByTestId('train-result').getAttribute('data-test-accuracy'),
    );
    return {
      backend,
      ranOn: (await progress.getAttribute('data-backend')) ?? '?',
      images: TRAINABLE_IMAGES,
      seconds: ms / 1000,
      testAccuracy,
    };
  } finally {
    await app.page.context().close();
  }
}

/**
 * On the default page: `strokes` strokes with no run, then the same while a full-data run
 * of the tutorial's network trains in the worker (the run is stopped afterwards).
 */
export async function drawWhileTraining(
  browser: Browser,
  url: string,
  strokes: number,
): Promise<TrainingDrawResult> {
  const app = await openPage(browser, url);
  try {
    await app.timings.timePenUpToAnswer();
    await drawStrokes(app, strokes);
    const idle = await app.timings.takePenUpToAnswer();
    const idlePredict = await app.timings.takePredictMeasures();
    await startRun(app, { epochs: 2, quick: false });
    await progressState(app, 'training', 5 * 60_000);
    await app.timings.takePredictMeasures();
    await drawStrokes(app, strokes);
    const training = await app.timings.takePenUpToAnswer();
    const trainingPredict = await app.timings.takePredictMeasures();
    const state = await app.page.getByTestId('train-progress').getAttribute('data-state');
    if (state !== 'training') throw new Error(`the run was ${state} before the strokes ended`);
    await app.page.getByTestId('train-stop').click();
    return {
      backend: await app.backendName(),
      idlePenUpMs: summarise(idle),
      trainingPenUpMs: summarise(training),
      idlePredictMs: summarise(idlePredict),
      trainingPredictMs: summarise(trainingPredict),
    };
  } finally {
    await app.page.context().close();
  }
}

async function openPage(browser: Browser, url: string): Promise<RecogniserPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: BENCH_VIEWPORT });
  const app = new RecogniserPage(await context.newPage(), { timeout: 60_000 });
  await app.open(url);
  return app;
}

async function startRun(
  app: RecogniserPage,
  { epochs, quick }: { epochs: number; quick: boolean },
): Promise<void> {
  const { page } = app;
  await page.getByTestId('train').locator('summary').click();
  await page.getByTestId('train-arch').selectOption('dense128');
  await page.getByTestId('train-epochs').fill(String(epochs));
  await page.getByTestId('train-quick').setChecked(quick);
  await page.getByTestId('train-start').click();
}

async function progressState(app: RecogniserPage, state: string, timeout: number): Promise<void> {
  const progress = app.page.getByTestId('train-progress');
  await progress.page().waitForFunction(
    ([wanted]) => {
      const s = document
        .querySelector('[data-testid="train-progress"]')
        ?.getAttribute('data-state');
      if (s === 'error') throw new Error('the training run ended in an error');
      return s === wanted;
    },
    [state],
    { timeout, polling: 500 },
  );
}

async function drawStrokes(app: RecogniserPage, strokes: number): Promise<void> {
  for (let s = 0; s < strokes; s++) {
    await app.drawNormalised(WAVY_LINE, 1);
    await app.waitForDone();
    if (s < strokes - 2) await app.click('undo');
  }
}
