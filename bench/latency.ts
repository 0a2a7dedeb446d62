import type { Browser, Page } from '@playwright/test';
import { openApp } from './setup';
import { summarise, type Summary } from './stats';

export type BenchBackend = 'webgl' | 'wasm' | 'cpu';

export interface LatencyResult {
  backend: BenchBackend;
  /** Navigation start -> performance.mark('model-ready'), one per cold page load. */
  modelReadyMs: Summary;
  /** 'predict' measures taken while a stroke is being drawn (competing with its frames). */
  drawingMs: Summary;
  /** 'predict' measures of single predictions on an idle page (undo and redo, one at a time). */
  singleMs: Summary;
}

/**
 * Loads the app `loads` times in fresh contexts (cold: no cache, no service worker). On each,
 * draws `strokes` strokes with the mouse, then undoes and redoes the last one `singles` times,
 * collecting the app's own 'predict' User Timing measures for each phase.
 */
export async function measureLatency(
  browser: Browser,
  url: string,
  backend: BenchBackend,
  { loads, strokes, singles }: { loads: number; strokes: number; singles: number },
): Promise<LatencyResult> {
  const ready: number[] = [];
  const drawing: number[] = [];
  const single: number[] = [];
  for (let i = 0; i < loads; i++) {
    const { context, page, backend: shown } = await openApp(browser, `${url}?backend=${backend}`);
    if (shown !== backend) throw new Error(`asked for ${backend}, the app runs on ${shown}`);
    ready.push(
      await page.evaluate(() => performance.getEntriesByName('model-ready')[0]!.startTime),
    );
    const done = page.locator('[data-testid="prediction"][data-state="done"]');
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
      await done.waitFor();
      drawing.push(...(await takePredictMeasures(page)));
      // Keep the last two strokes: undo and redo between them then always leave ink to read.
      if (s < strokes - 2) await page.getByTestId('undo').click();
    }
    for (let s = 0; s < singles; s++) {
      await page.getByTestId(s % 2 ? 'redo' : 'undo').click();
      await done.waitFor();
      // Let the frame the change caused go by, so the next one starts on an idle page.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    }
    single.push(...(await takePredictMeasures(page)));
    await context.close();
  }
  return {
    backend,
    modelReadyMs: summarise(ready),
    drawingMs: summarise(drawing),
    singleMs: summarise(single),
  };
}

/** The 'predict' durations recorded so far, clearing them so the next phase starts afresh. */
function takePredictMeasures(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const durations = performance.getEntriesByName('predict').map((e) => e.duration);
    performance.clearMeasures('predict');
    return durations;
  });
}
