import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromiumLaunchOptions';
import { summarise, type Summary } from './stats';

export interface LatencyResult {
  backend: string;
  /** Navigation start -> performance.mark('model-ready'), one per cold page load. */
  modelReadyMs: Summary;
  /** The app's 'predict' User Timing measures, pooled over all loads. */
  predictMs: Summary;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Loads the app `loads` times in fresh contexts (cold: no cache, no service worker), then
 * draws `strokes` strokes with the mouse on each, collecting the app's own timings.
 */
export async function measureLatency(
  browser: Browser,
  url: string,
  backend: 'webgl' | 'cpu',
  loads: number,
  strokes: number,
): Promise<LatencyResult> {
  const ready: number[] = [];
  const predict: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1100, height: 760 },
    });
    const page = await context.newPage();
    await page.goto(`${url}?backend=${backend}`);
    await page
      .locator('[data-testid="model-status"][data-state="ready"]')
      .waitFor({ timeout: 60_000 });
    const shown = await page.getByTestId('backend').textContent();
    if (shown !== backend) throw new Error(`asked for ${backend}, the app runs on ${shown}`);
    ready.push(
      await page.evaluate(() => performance.getEntriesByName('model-ready')[0]!.startTime),
    );
    const box = (await page.getByTestId('drawing-pad').boundingBox())!;
    for (let s = 0; s < strokes; s++) {
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
      await page.mouse.down();
      for (let k = 1; k <= 30; k++) {
        const t = k / 30;
        await page.mouse.move(
          box.x + box.width * (0.5 + 0.15 * Math.sin(t * 6)),
          box.y + box.height * (0.2 + 0.6 * t),
        );
      }
      await page.mouse.up();
      await page.locator('[data-testid="prediction"][data-state="done"]').waitFor();
      await page.getByTestId('undo').click();
    }
    predict.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('predict').map((e) => e.duration),
      )),
    );
    await context.close();
  }
  return { backend, modelReadyMs: summarise(ready), predictMs: summarise(predict) };
}
