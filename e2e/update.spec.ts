import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { RecogniserPage } from './support/RecogniserPage';
import { startStaticServer } from './support/serveStatic';
import { ONE } from './support/strokes';

/** The deployment server's port: next to the suite's own (E2E_PORT, see playwright.config). */
const PORT = Number(process.env.E2E_PORT ?? 4173) + 1;

test('a new deployment replaces the old one, and its cache entries', async ({
  page,
  consoleErrors,
}) => {
  let app = new RecogniserPage(page);
  test.setTimeout(240_000);
  // Deployment B: the same app built again, marked so the page shows which one runs.
  const deploymentB = mkdtempSync(join(tmpdir(), 'deployment-b-'));
  execFileSync(
    'npx',
    ['vite', 'build', '--outDir', deploymentB, '--emptyOutDir', '--logLevel', 'warn'],
    {
      env: { ...process.env, VITE_BUILD_ID: 'B' },
    },
  );
  let deployed = resolve('dist');
  const server = await startStaticServer(() => deployed, PORT, ['/']);
  const listCache = () =>
    app.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys())
          urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
  try {
    await app.open(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await expect(app.build).toHaveCount(0);
    const scriptsA = (await listCache()).filter((p) => /\/assets\/index-.*\.js$/.test(p));
    expect(scriptsA).toHaveLength(1);

    deployed = deploymentB;
    // While a page of the old version is open, it keeps the old version whole: the new worker
    // installs and waits, so no page mixes files of two deployments.
    await page.reload();
    await app.waitForModelReady();
    await expect(app.build).toHaveCount(0);
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting != null;
    });
    // Once the old version's last page is closed, the next visit runs the new deployment.
    const context = page.context();
    await page.close();
    let next: RecogniserPage | undefined;
    await expect(async () => {
      // A page opened before the new worker took over would keep the old one: retry afresh.
      await next?.page.close();
      await new Promise((done) => setTimeout(done, 500));
      next = new RecogniserPage(await context.newPage());
      next.page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await next.page.goto(`http://127.0.0.1:${PORT}/`);
      await expect(next.build).toHaveText(/Build B/, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    app = next!;
    await app.waitForModelReady();
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
    const cached = await listCache();
    expect(cached).not.toContain(scriptsA[0]);
    expect(cached.filter((p) => /\/assets\/index-.*\.js$/.test(p))).toHaveLength(1);
    expect(cached).toContain('/model/model.json');
  } finally {
    server.close();
  }
});
