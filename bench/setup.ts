// What every benchmark script shares: building the site, reading its settings, launching
// Chromium and opening the built app the same way, and finding the trained models.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { chromiumLaunchOptions } from '../scripts/chromiumLaunchOptions';

/** The page size every benchmark uses: the frame cost of software compositing grows with it. */
export const BENCH_VIEWPORT = { width: 1100, height: 760 };

/** How long the page may take to answer (a prediction, a clear): Playwright's action default. */
const BENCH_WAIT_MS = 30_000;

/** `npm run build`, exiting with its status if it fails. */
export function buildSite(): void {
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
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

/** Folders of the models trained into training/runs/ (gitignored; none in a fresh clone). */
export function trainedModelDirs(): { name: string; dir: string }[] {
  if (!existsSync('training/runs')) return [];
  return readdirSync('training/runs')
    .map((name) => ({ name, dir: join('training/runs', name) }))
    .filter(({ dir }) => existsSync(join(dir, 'model.json')));
}
