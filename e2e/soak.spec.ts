import type { CDPSession } from '@playwright/test';
import { expect, test } from './fixtures';
import { WAVY_LINE } from './support/strokes';

// Live predictions while drawing are where a leak would pile up: each prediction must free
// its tensors, and nothing may accumulate on the JS heap.

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

test('1,000 predictions keep the tensor count and the JS heap flat', async ({ app, page }) => {
  test.setTimeout(600_000);
  // On WebGL, where a leaked tensor would also hold a GPU texture.
  await app.open('./?backend=webgl');
  const cdp = await page.context().newCDPSession(page);
  const cycle = async () => {
    await app.drawNormalised(WAVY_LINE, 1);
    await app.waitForDone();
    await app.click('undo');
    await app.waitForEmpty();
  };
  // Warm up (shader programs, React, the JIT) before taking the baseline.
  for (let i = 0; i < 3; i++) await cycle();
  const tensors = await app.modelPanel.tensorCount();
  const heapAtStart = await heapAfterGc(cdp);
  const start = await app.timings.predictMeasures();
  const predictionsSoFar = async () => (await app.timings.predictMeasures()) - start;
  while ((await predictionsSoFar()) < 200) await cycle();
  // The JIT and caches settle over the first few hundred predictions; a leak keeps growing.
  const tensorsAt200 = await app.modelPanel.tensorCount();
  const heapAt200 = await heapAfterGc(cdp);
  const countAt200 = await predictionsSoFar();
  while ((await predictionsSoFar()) < 1000) await cycle();
  const predictions = await predictionsSoFar();
  const heapAtEnd = await heapAfterGc(cdp);
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  console.log(
    `${predictions} predictions: tensors ${tensors} -> ${tensorsAt200} (at ${countAt200}) -> ` +
      `${await app.modelPanel.tensorCount()}; JS heap ${mb(heapAtStart)} -> ${mb(heapAt200)} -> ${mb(heapAtEnd)}`,
  );
  expect(tensorsAt200).toBe(tensors);
  expect(await app.modelPanel.tensorCount()).toBe(tensors);
  // 800 more predictions may cost the User Timing entries (~75 bytes each) and noise, not a
  // per-prediction leak: keeping one 28x28 input (3 KB) each would already be 2.4 MB.
  expect(heapAtEnd - heapAt200).toBeLessThan(500_000);
});

test('200 predictions with the Layers panel open keep the tensor count flat', async ({ app }) => {
  test.setTimeout(300_000);
  // Every map layer's output is read back too, on WebGL, where a leak would hold textures.
  await app.open('./?backend=webgl');
  await app.layersPanel.open();
  const cycle = async () => {
    await app.drawNormalised(WAVY_LINE, 1);
    await app.waitForDone();
    await expect(app.layersPanel.layers.first()).toHaveAttribute('data-shape', /x/);
    await app.click('undo');
    await app.waitForEmpty();
  };
  await cycle();
  const tensors = await app.modelPanel.tensorCount();
  const start = await app.timings.predictMeasures();
  while ((await app.timings.predictMeasures()) - start < 200) await cycle();
  console.log(`${(await app.timings.predictMeasures()) - start} predictions with the panel open`);
  expect(await app.modelPanel.tensorCount()).toBe(tensors);
});
