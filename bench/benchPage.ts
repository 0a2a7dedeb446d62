// The bench's reading of the built site and the browser, and its writing of docs/benchmarks.md.
import type { Browser } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

/** The page the latest table lives on (the README links it). */
export const BENCHMARKS_PAGE = 'docs/benchmarks.md';

/** The JS and CSS files index.html loads (scripts, stylesheets, module preloads). */
export function initialFiles(indexHtml: string): string[] {
  const html = readFileSync(indexHtml, 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** The WebGL renderer the browser reports (SwiftShader here), on a blank page. */
export async function webglRenderer(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  const name = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  await page.close();
  return name;
}

/** Puts the table between the page's bench markers, formatted as `npm run lint` expects. */
export async function updateBenchmarksPage(markdown: string): Promise<void> {
  const page = readFileSync(BENCHMARKS_PAGE, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const [a, b] = [page.indexOf(start), page.indexOf(end)];
  if (a < 0 || b < a) {
    console.warn(`${BENCHMARKS_PAGE} has no bench markers; not updated`);
    return;
  }
  const updated = `${page.slice(0, a + start.length)}\n\n${markdown}\n\n${page.slice(b)}`;
  const options = (await prettier.resolveConfig(BENCHMARKS_PAGE)) ?? {};
  writeFileSync(
    BENCHMARKS_PAGE,
    await prettier.format(updated, { ...options, parser: 'markdown' }),
  );
}
