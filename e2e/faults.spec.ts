import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { RecogniserPage } from './support/RecogniserPage';
import { serveUserModels } from './support/serveUserModels';
import { ONE } from './support/strokes';
import { interceptWebglContexts } from './support/webglContexts';

// Each test injects one fault and checks the page says so, offers a retry and keeps drawing.

/** Serves `body` instead of the real file for requests whose path ends with `suffix`. */
async function replace(
  page: Page,
  suffix: string,
  init: { status?: number; contentType?: string; body?: string | Buffer },
) {
  await page.route(
    (url) => url.pathname.endsWith(suffix),
    (route) =>
      route.fulfill({
        status: init.status ?? 200,
        contentType: init.contentType,
        body: init.body ?? '',
      }),
  );
}

async function expectLoadError(app: RecogniserPage, message: RegExp) {
  await app.page.goto('./');
  await app.waitForModelError();
  await expect(app.modelStatus).toContainText(message);
  await expect(app.page.getByRole('button', { name: 'Retry' })).toBeVisible();
  // The pad still draws, and the preview still shows what the model would see.
  await app.drawNormalised(ONE);
  expect(await app.strokeCount()).toBe(1);
  const ink = (await app.previewPixels()).reduce((a, b) => a + b, 0);
  expect(ink).toBeGreaterThan(10);
}

test.describe('model files that are missing or damaged', () => {
  // The browser itself logs failed requests (404) as console errors; those are the fault here.
  // The service worker would answer from its precache, around the injected fault.
  test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

  test('model.json missing (404), then retry after the file is back', async ({ app, page }) => {
    await replace(page, '/model/model.json', { status: 404, body: 'Not Found' });
    await expectLoadError(app, /missing/);
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Retry' }).click();
    await app.waitForModelReady();
    // The drawing made while the model was missing is predicted once it arrives.
    expect(await app.predictedDigit()).toBe(1);
  });

  test("with the shipped model missing, a model of the person's still loads and answers", async ({
    app,
    page,
  }) => {
    await replace(page, '/model/model.json', { status: 404, body: 'Not Found' });
    await serveUserModels(page);
    await app.page.goto('./?model=user-models/dense-graph/model.json');
    await app.waitForModelError();
    expect(await app.userModel.waitForReady()).toMatchObject({ format: 'graph' });
    await app.drawNormalised(ONE);
    expect(await app.userModel.waitForAnswer()).toBe(1);
  });

  test('model.json that is not JSON', async ({ app, page }) => {
    await replace(page, '/model/model.json', {
      contentType: 'application/json',
      body: '{"format": "layers-mod',
    });
    await expectLoadError(app, /not valid JSON/);
  });

  test('a weight shard missing (404)', async ({ app, page }) => {
    await replace(page, '.bin', { status: 404, body: 'Not Found' });
    await expectLoadError(app, /missing/);
  });

  test('a weight shard answered with index.html, as single-page-app hosts do', async ({
    app,
    page,
  }) => {
    await replace(page, '.bin', {
      contentType: 'text/html',
      body: '<!doctype html><title>App</title>',
    });
    await expectLoadError(app, /web page instead/);
  });

  test('a truncated weight shard', async ({ app, page }) => {
    await page.route(
      (url) => url.pathname.endsWith('.bin'),
      async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        await route.fulfill({ response, body: body.subarray(0, body.length - 100) });
      },
    );
    await expectLoadError(app, /incomplete or damaged/);
  });
});

test.describe('without WebGL', () => {
  test('the default page runs on WebAssembly, says so, and predicts', async ({ app, page }) => {
    await interceptWebglContexts(page, 'block');
    await app.open();
    await expect(app.backend).toHaveText('wasm');
    await expect(app.backendNote).toHaveText(
      'WebGL is not available here, so the model runs on WebAssembly.',
    );
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
  });

  test('?backend=webgl falls back to the CPU, says so, and still predicts', async ({
    app,
    page,
  }) => {
    await interceptWebglContexts(page, 'block');
    await app.open('./?backend=webgl');
    await expect(app.backend).toHaveText('cpu');
    await expect(app.backendNote).toHaveText(
      'WebGL is not available here, so the model runs on the CPU.',
    );
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
  });
});
