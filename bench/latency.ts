import type { Browser } from '@playwright/test';
import { WAVY_LINE } from '../e2e/support/strokes';
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
    const { context, app, backend: shown } = await openApp(browser, `${url}?backend=${backend}`);
    if (shown !== backend) throw new Error(`asked for ${backend}, the app runs on ${shown}`);
    ready.push(await app.modelReadyAt());
    for (let s = 0; s < strokes; s++) {
      await app.drawNormalised(WAVY_LINE, 1);
      await app.waitForDone();
      drawing.push(...(await app.takePredictMeasures()));
      // Keep the last two strokes: undo and redo between them then always leave ink to read.
      if (s < strokes - 2) await app.click('undo');
    }
    for (let s = 0; s < singles; s++) {
      await app.click(s % 2 ? 'redo' : 'undo');
      await app.waitForDone();
      // Let the frame the change caused go by, so the next one starts on an idle page.
      await app.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))),
      );
    }
    single.push(...(await app.takePredictMeasures()));
    await context.close();
  }
  return {
    backend,
    modelReadyMs: summarise(ready),
    drawingMs: summarise(drawing),
    singleMs: summarise(single),
  };
}
