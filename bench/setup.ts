// What every benchmark script shares: building the site, reading its settings, launching
// Chromium and opening the built app the same way, and finding the trained models.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { chromiumLaunchOptions } from '../e2e/support/chromiumLaunchOptions';
import { BENCH_VIEWPORT } from '../training/benchViewport';
import { loadTimeline, modelReadyAt, type LoadTimeline } from './loadTimeline';

/** How long the page may take to answer (a prediction, a clear): Playwright's action default. */
const BENCH_WAIT_MS = 30_000;

/**
 * `npm run build`, exiting with its status if it fails; into another `outDir`, the Vite build
 * alone (a second build beside a running one, without type-checking the work in progress).
 */
export function buildSite(outDir = 'dist'): void {
  const command =
    outDir === 'dist'
      ? ['npm', 'run', 'build']
      : ['npx', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'];
  const build = spawnSync(command[0]!, command.slice(1), {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A numeric setting from the environment (BENCH_*), or its default. */
export function envNumber(name: string, fallback: number): number {
  return Number(process.env[name] ?? fallback);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Opens the app cold (a fresh context: no cache, no service worker) and waits until its model
 * is ready. The caller closes `context`.
 */
export async function openApp(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; app: RecogniserPage; backend: string }> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: BENCH_VIEWPORT });
  const app = new RecogniserPage(await context.newPage(), { timeout: BENCH_WAIT_MS });
  await app.open(url);
  return { context, app, backend: await app.backendName() };
}

export interface FirstVisit {
  app: RecogniserPage;
  backend: string;
  modelReadyMs: number;
  /** Resource timing: model.json's request start and the weights' last byte, from navigation. */
  modelJsonStartMs: number;
  weightsEndMs: number;
  /** Where the load's time went (see loadTimeline.ts). */
  timeline: LoadTimeline;
  /** Opens `url` in a new tab of the same profile and waits until its model is ready. */
  openTab(url: string): Promise<RecogniserPage>;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/**
 * A first visit as a person makes it: a new browser with a fresh profile (no HTTP cache, no
 * service worker, no compiled shaders; a context of a running browser would share its GPU
 * process and its program cache), opening `url` and waiting until the model is ready.
 */
export async function openFirstVisit(url: string): Promise<FirstVisit> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunchOptions,
    viewport: BENCH_VIEWPORT,
  });
  const openTab = async (target: string) => {
    const app = new RecogniserPage(await context.newPage(), { timeout: BENCH_WAIT_MS });
    await app.open(target);
    return app;
  };
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const app = new RecogniserPage(context.pages()[0] ?? (await context.newPage()), {
      timeout: BENCH_WAIT_MS,
    });
    await app.open(url);
    const files = await app.timings.modelFiles();
    const json = files.find((f) => f.url.endsWith('/model.json'));
    const weights = files.filter((f) => f.url.endsWith('.bin'));
    if (!json || weights.length === 0) throw new Error('no resource timing for the model files');
    return {
      app,
      backend: await app.backendName(),
      modelReadyMs: await modelReadyAt(app.page),
      modelJsonStartMs: json.startTime,
      weightsEndMs: Math.max(...weights.map((w) => w.responseEnd)),
      timeline: await loadTimeline(app.page),
      openTab,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Folders of the models trained into training/runs/ (gitignored; none in a fresh clone). */
export function trainedModelDirs(): { name: string; dir: string }[] {
  if (!existsSync('training/runs')) return [];
  return readdirSync('training/runs')
    .map((name) => ({ name, dir: join('training/runs', name) }))
    .filter(({ dir }) => existsSync(join(dir, 'model.json')));
}
