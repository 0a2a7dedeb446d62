import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { SEVEN } from './support/strokes';

/** Responses for the wasm backend's files: its lazy chunk and its binaries. */
function wasmResponses(page: Page): Response[] {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (/\/(wasmKernels-[^/]*\.js|[^/]*\.wasm)$/.test(new URL(response.url()).pathname)) {
      responses.push(response);
    }
  });
  return responses;
}

test.describe('?backend=wasm', () => {
  test('runs on WebAssembly fetched from our own origin and reads a 7', async ({
    app,
    page,
    baseURL,
  }) => {
    const responses = wasmResponses(page);
    await app.open('./?backend=wasm');
    await expect(app.backend).toHaveText('wasm');
    await expect(page.locator('.backend__note')).toHaveCount(0);
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
    expect(await app.confidence()).toBeGreaterThan(0.5);

    // The SIMD binary (Chromium has SIMD), once, as application/wasm so it compiles while
    // it streams in; no threaded build.
    const binaries = responses.filter((r) => r.url().endsWith('.wasm'));
    expect(binaries.map((r) => new URL(r.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/),
    ]);
    const [binary] = binaries;
    expect(new URL(binary!.url()).origin).toBe(new URL(baseURL!).origin);
    expect(binary!.status()).toBe(200);
    expect(binary!.headers()['content-type']).toBe('application/wasm');
  });

  test('under a sub-path, the binary comes from under it too', async ({ app, page }) => {
    const responses = wasmResponses(page);
    await app.open('/tools/digits/?backend=wasm');
    await expect(app.backend).toHaveText('wasm');
    expect(responses.map((r) => new URL(r.url()).pathname)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/tools\/digits\/assets\/.*\.wasm$/)]),
    );
  });

  test('predictions free their tensors', async ({ app }) => {
    await app.open('./?backend=wasm');
    await expect(app.backend).toHaveText('wasm');
    await app.modelPanel.open();
    const cycle = async () => {
      await app.drawNormalised(SEVEN);
      expect(await app.predictedDigit()).toBe(7);
      await app.click('undo');
      await app.waitForEmpty();
    };
    await cycle();
    const tensors = await app.modelPanel.tensorCount();
    expect(tensors).toBeGreaterThan(0); // the weights
    const before = await app.timings.predictMeasures();
    for (let i = 0; i < 5; i++) await cycle();
    expect(await app.timings.predictMeasures()).toBeGreaterThanOrEqual(before + 5);
    expect(await app.modelPanel.tensorCount()).toBe(tensors);
  });

  test('a WebGL page fetches none of it', async ({ app, page }) => {
    const responses = wasmResponses(page);
    await app.open('./?backend=webgl');
    await expect(app.backend).toHaveText('webgl');
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
    expect(responses.map((r) => r.url())).toEqual([]);
  });

  test('the service worker precaches its code and the SIMD binary, not the plain one', async ({
    request,
  }) => {
    // The default page runs wasm wherever WebGL is software or missing: offline too.
    const sw = await (await request.get('/sw.js')).text();
    expect(sw).toMatch(/assets\/wasmKernels-[\w-]+\.js/);
    const binaries = [...sw.matchAll(/assets\/([\w-]+)\.wasm/g)].map((m) => m[1]);
    expect(binaries).toEqual([expect.stringMatching(/^tfjs-backend-wasm-simd-/)]);
  });
});

test.describe('when WebAssembly cannot start', () => {
  // The failed requests are logged as console errors; they are the fault here. The service
  // worker would answer around page.route.
  test.use({ allowConsoleErrors: true, serviceWorkers: 'block' });

  const failures = [
    {
      what: 'a binary that does not load',
      request: (url: URL) => url.pathname.endsWith('.wasm'),
      error: 'failed' as const,
    },
    {
      what: 'its code that does not load (offline, never fetched)',
      request: (url: URL) => /\/wasmKernels-[^/]*\.js$/.test(url.pathname),
      error: 'internetdisconnected' as const,
    },
  ];
  for (const { what, request, error } of failures) {
    test(`${what}: falls back to the CPU, says so, and predicts`, async ({
      app,
      page,
      consoleErrors,
    }) => {
      await page.route(request, (route) => route.abort(error));
      await app.open('./?backend=wasm');
      await expect(app.backend).toHaveText('cpu');
      await expect(page.getByText('WebAssembly could not start here')).toBeVisible();
      await app.drawNormalised(SEVEN);
      expect(await app.predictedDigit()).toBe(7);
      expect(consoleErrors).toEqual([expect.stringMatching(/^Failed to load resource: net::ERR_/)]);
    });
  }
});
