import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SEVEN } from './support/strokes';

// The WebAssembly backend needs 'wasm-unsafe-eval' to compile its binary; the policy must
// hold on its page too.
for (const { path, backend } of [
  { path: './?backend=webgl', backend: 'webgl' },
  { path: './', backend: 'wasm' }, // the default page here (software WebGL)
  { path: './?backend=wasm', backend: 'wasm' },
]) {
  test(`a strict Content-Security-Policy holds on ${path} (${backend}), and no request leaves the origin`, async ({
    app,
    page,
    baseURL,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        w.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`),
      );
    });
    const origins = new Set<string>();
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    await app.open(path);
    await expect(app.backend).toHaveText(backend);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
    await app.modelPanel.open(); // the model panel renders too
    await expect(app.modelPanel.tensors).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
  });
}

// The README gives the policy as a header for hosts that send one: it must be the built page's
// own policy, plus frame-ancestors (which only a header can carry).
test("the README's Content-Security-Policy header is the built page's policy", async ({
  app,
  page,
}) => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const header = /^\s*Content-Security-Policy: (.+)$/m.exec(readme)?.[1];
  await app.open('./');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toBeTruthy();
  expect(header).toBe(`${policy}; frame-ancestors 'none'`);
});
