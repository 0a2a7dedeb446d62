import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { RecogniserPage } from './support/RecogniserPage';
import { SEVEN } from './support/strokes';

// The browser tests' Chromium draws WebGL with SwiftShader (e2e/support/chromiumLaunchOptions.ts):
// a software rasteriser, as a machine without a GPU has.

test('on a software rasteriser the default page runs on WebAssembly and says why', async ({
  app,
}) => {
  await app.open();
  await expect(app.backend).toHaveText('wasm');
  await expect(app.backendNote).toHaveText(
    'WebGL here is drawn in software (SwiftShader), not on a graphics processor, so the model runs on WebAssembly.',
  );
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
});

/**
 * With the pen down, the page stays on its interim backend (given time to go wrong); once the
 * pen lifts it moves to WebGL, final, with no note.
 */
async function expectWebglOnlyOncePenLifts(app: RecogniserPage, page: Page, interim: string) {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  await expect(app.backend).toHaveText(interim);
  await page.mouse.up();
  await expect(app.backend).toHaveText('webgl');
  await expect(app.backend).toHaveAttribute('data-state', 'final');
  await expect(app.backendNote).toHaveCount(0);
}

test('a GPU found after the page answers on WebAssembly is switched to between strokes', async ({
  app,
  page,
}) => {
  // The WebGL probe's worker stands in for a GPU whose probe answers late, when told to.
  await page.addInitScript(() => {
    class LateGpuProbe {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      constructor() {
        Object.assign(window, {
          answerProbe: () => this.onmessage?.({ data: { kind: 'gpu', renderer: 'Test GPU' } }),
        });
      }
      terminate() {}
    }
    Object.assign(window, { Worker: LateGpuProbe });
  });
  await page.goto('./');
  await app.waitForModelReady();
  await expect(app.backend).toHaveText('wasm');
  await expect(app.backend).toHaveAttribute('data-state', 'interim');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
  const tensors = await app.modelPanel.tensorCount();

  // The probe answers while the pen is down: the page stays on wasm until it is lifted.
  const { x, y, side } = await app.padBox();
  await page.mouse.move(x + side * 0.3, y + side * 0.3);
  await page.mouse.down();
  await page.mouse.move(x + side * 0.4, y + side * 0.35, { steps: 3 });
  await page.evaluate(() => (window as unknown as { answerProbe(): void }).answerProbe());
  await expectWebglOnlyOncePenLifts(app, page, 'wasm');

  // The wasm model's weights were let go; the drawing is read on WebGL.
  await app.click('undo');
  await app.waitForDone();
  expect(await app.predictedDigit()).toBe(7);
  expect(await app.modelPanel.tensorCount()).toBe(tensors);
});

test('?backend=webgl answers on the CPU while WebGL starts, and moves to WebGL when the pen lifts', async ({
  app,
  page,
}) => {
  // The pen goes down before the model is ready (its weights are held until then) and stays
  // down: WebGL must wait for it.
  let releaseWeights = () => {};
  const weightsHeld = new Promise<void>((release) => (releaseWeights = release));
  await page.route('**/*.bin', async (route) => {
    await weightsHeld;
    await route.continue();
  });
  await page.goto('./?backend=webgl');
  const { x, y, side } = await app.padBox();
  await page.mouse.move(x + side * 0.5, y + side * 0.15);
  await page.mouse.down();
  releaseWeights();
  await app.waitForModelReady();
  await expect(app.backend).toHaveText('cpu');
  await expect(app.backend).toHaveAttribute('data-state', 'interim');
  await expect(app.backendNote).toHaveText(
    'WebGL is starting; the model runs on the CPU until it is ready.',
  );
  await page.mouse.move(x + side * 0.5, y + side * 0.85, { steps: 8 });
  await app.waitForDone();
  expect(await app.predictedDigit()).toBe(1);
  await expectWebglOnlyOncePenLifts(app, page, 'cpu');
  await app.waitForDone();
  expect(await app.predictedDigit()).toBe(1);
});

test('?backend=webgl forces WebGL there, with no note', async ({ app }) => {
  await app.open('./?backend=webgl');
  await expect(app.backend).toHaveText('webgl');
  await expect(app.backendNote).toHaveCount(0);
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
});

test.describe('the model files are requested at navigation', () => {
  for (const path of ['/', '/tools/digits/']) {
    test(`by preload links the app's fetch reuses, at ${path}`, async ({ app }) => {
      await app.open(path);
      const files = await app.timings.modelFiles();
      // Each file once (a preload in another cors mode would be fetched a second time), and
      // requested by the <link>, before any script ran.
      expect(files.map((f) => [new URL(f.url).pathname, f.initiator])).toEqual([
        [`${path}model/model.json`, 'link'],
        [`${path}model/group1-shard1of1.bin`, 'link'],
      ]);
    });
  }

  test('and, once the service worker controls the page, come from it the same way', async ({
    app,
    page,
  }) => {
    await app.open('/tools/digits/');
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await page.reload();
    await app.waitForModelReady();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const files = await app.timings.modelFiles();
    expect(files.map((f) => f.initiator)).toEqual(['link', 'link']);
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
  });
});

test('pen-up to answer is timed in the page, once per stroke on the pad', async ({ app }) => {
  await app.open();
  await app.timings.timePenUpToAnswer();
  await app.drawNormalised(SEVEN);
  await app.waitForDone();
  // A click elsewhere (undo) is no pen-up; the next stroke's is.
  await app.click('undo');
  await app.waitForEmpty();
  await app.drawNormalised(SEVEN);
  await app.waitForDone();
  const times = await app.timings.takePenUpToAnswer();
  expect(times).toHaveLength(2);
  // 0 when the answer read while drawing already stood at pen-up.
  for (const ms of times) {
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(1_000);
  }
});
