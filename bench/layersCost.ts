import type { Browser } from '@playwright/test';
import { WAVY_LINE } from '../e2e/support/strokes';
import { pageUrl, predictIdleSingles, type BenchBackend } from './latency';
import { openApp } from './setup';
import { summarise, type Summary } from './stats';

export interface LayersCostResult {
  backend: BenchBackend;
  /** The backend the page ran on. */
  ranOn: string;
  /** 'predict' measures of single predictions on an idle page, Layers panel closed and open. */
  closedMs: Summary;
  openMs: Summary;
}

/**
 * What the Layers panel costs per prediction: in one page, single predictions (undo, redo) on
 * an idle page with the panel closed, then open, `rounds` times in turn, so drift on a shared
 * machine falls on both alike. Open, every map layer's output is read back and drawn too.
 */
export async function measureLayersCost(
  browser: Browser,
  url: string,
  backend: BenchBackend,
  { rounds, singles }: { rounds: number; singles: number },
): Promise<LayersCostResult> {
  const { context, app, backend: ranOn } = await openApp(browser, pageUrl(url, backend));
  const predict = { closed: [] as number[], open: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const panel of ['closed', 'open'] as const) {
        if (panel === 'open') await app.layersPanel.open();
        else if (round > 0) await app.layersPanel.close();
        // Two strokes on a clear pad, then undo and redo the second.
        if ((await app.strokeCount()) > 0) await app.clear();
        await app.drawNormalised(WAVY_LINE, 1);
        await app.drawNormalised(WAVY_LINE, 1);
        await app.waitForDone();
        await app.timings.takePredictMeasures();
        predict[panel].push(...(await predictIdleSingles(app, singles)));
      }
    }
  } finally {
    await context.close();
  }
  return {
    backend,
    ranOn,
    closedMs: summarise(predict.closed),
    openMs: summarise(predict.open),
  };
}
