import { expect, test } from './fixtures';
import { ONE } from './support/strokes';

// The default page (wasm here: its chunk and SIMD binary are precached) and the WebGL one.
for (const { query, backend } of [
  { query: '', backend: 'wasm' },
  { query: '?backend=webgl', backend: 'webgl' },
]) {
  test(`once visited, the page reloads and predicts on ${backend} with the network off`, async ({
    app,
    page,
    context,
  }) => {
    await app.open(`/tools/digits/${query}`);
    // The service worker has precached the app and the model and controls the page.
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifest).toBe('./manifest.webmanifest');

    await context.setOffline(true);
    await page.reload();
    await app.waitForModelReady();
    await expect(app.backend).toHaveText(backend);
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
    await context.setOffline(false);
  });
}

test('the web app manifest makes it installable', async ({ request }) => {
  const response = await request.get('/tools/digits/manifest.webmanifest');
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest.name).toBe('Digit recogniser');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const file = await request.get(`/tools/digits/${icon.src}`);
    expect(file.ok()).toBe(true);
    expect(file.headers()['content-type']).toBe(icon.type);
  }
});
