// What a person's own model costs the page (issue 25): the JavaScript the page fetches only
// once a model is loaded (a graph model's lazy chunk among it), and the loaded model's predict
// latency beside the shipped model's fast path in the same page, on the same drawings.
import type { Browser, Page } from '@playwright/test';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { serveUserModels } from '../e2e/support/serveUserModels';
import { WAVY_LINE } from '../e2e/support/strokes';
import { BENCH_VIEWPORT } from '../training/benchViewport';
import { pageUrl, type BenchBackend } from './latency';
import { summarise, type Summary } from './stats';

/** The models loaded by URL; the shipped model's own files first: the same network both ways. */
export const USER_MODEL_CASES = [
  { name: 'the shipped network, loaded as your model', path: 'model/model.json' },
  { name: 'dense-graph (graph model)', path: 'user-models/dense-graph/model.json' },
  { name: 'cnn-graph (graph model)', path: 'user-models/cnn-graph/model.json' },
  { name: 'cnn-layers (layers model)', path: 'user-models/cnn-layers/model.json' },
] as const;

export interface UserModelCase {
  name: string;
  backend: BenchBackend;
  ranOn: string;
  /** JavaScript files fetched with the model loaded that the page without one did not fetch. */
  addedJs: string[];
  /** 'user-predict': the loaded model's predictions (input tensor in, ten scores out). */
  userPredictMs: Summary;
  /** 'predict' in the same page: the shipped fast path, preprocessing included. */
  shippedPredictMs: Summary;
}

export interface UserModelCostResult {
  /** JavaScript the page fetched without a model of the person's, per backend asked. */
  baseJs: Record<string, string[]>;
  cases: UserModelCase[];
}

/**
 * For each backend, opens the page without a model, then with each of USER_MODEL_CASES as
 * `?model=`, draws `strokes` strokes (each read by both models) and undoes all but the last two.
 */
export async function measureUserModelCost(
  browser: Browser,
  url: string,
  backends: BenchBackend[],
  strokes: number,
): Promise<UserModelCostResult> {
  const baseJs: Record<string, string[]> = {};
  const cases: UserModelCase[] = [];
  for (const backend of backends) {
    const plain = await openPage(browser, pageUrl(url, backend));
    baseJs[backend] = await scriptsFetched(plain.page);
    await plain.page.context().close();
    for (const { name, path } of USER_MODEL_CASES) {
      const separator = backend === 'default' ? '?' : '&';
      const app = await openPage(browser, `${pageUrl(url, backend)}${separator}model=${path}`);
      await app.userModel.waitForReady();
      const user: number[] = [];
      const shipped: number[] = [];
      for (let s = 0; s < strokes; s++) {
        await app.drawNormalised(WAVY_LINE, 1);
        await app.waitForDone();
        await app.userModel.waitForAnswer();
        shipped.push(...(await app.timings.takePredictMeasures()));
        user.push(...(await takeMeasures(app.page, 'user-predict')));
        if (s < strokes - 2) await app.click('undo');
      }
      const fetched = await scriptsFetched(app.page);
      cases.push({
        name,
        backend,
        ranOn: await app.backendName(),
        addedJs: fetched.filter((f) => !baseJs[backend]!.includes(f)),
        userPredictMs: summarise(user),
        shippedPredictMs: summarise(shipped),
      });
      await app.page.context().close();
    }
  }
  return { baseJs, cases };
}

async function openPage(browser: Browser, url: string): Promise<RecogniserPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: BENCH_VIEWPORT });
  const page = await context.newPage();
  await serveUserModels(page);
  const app = new RecogniserPage(page, { timeout: 60_000 });
  await app.open(url);
  return app;
}

/** The JavaScript files the page fetched, as paths under the site (assets/...). */
function scriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname.replace(/^\//, ''))
      .filter((p) => p.endsWith('.js')),
  );
}

function takeMeasures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => {
    const durations = performance.getEntriesByName(n).map((e) => e.duration);
    performance.clearMeasures(n);
    return durations;
  }, name);
}
