// Renders the README screenshot: `npm run build && npx vite preview --port 4173` first, then
// `npx tsx scripts/screenshot.ts [url] [out.png] [width] [height] [dark]`.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromiumLaunchOptions';

const [
  url = 'http://127.0.0.1:4173/',
  out = 'docs/screenshot.png',
  width = '1100',
  height = '760',
  scheme = 'light',
] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
await page.goto(url);
await page.getByTestId('model-status').and(page.locator('[data-state="ready"]')).waitFor();
const box = (await page.getByTestId('drawing-pad').boundingBox())!;
const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
// A handwritten-looking 4.
for (const stroke of [
  [at(0.42, 0.18), at(0.3, 0.5), at(0.28, 0.6), at(0.45, 0.6), at(0.72, 0.58)],
  [at(0.6, 0.3), at(0.6, 0.55), at(0.61, 0.85)],
]) {
  await page.mouse.move(...stroke[0]!);
  await page.mouse.down();
  for (const p of stroke.slice(1)) await page.mouse.move(...p, { steps: 6 });
  await page.mouse.up();
}
await page.locator('[data-testid="prediction"][data-state="done"]').waitFor();
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
