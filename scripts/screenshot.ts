// Renders the README screenshot: `npm run build && npx vite preview --port 4173` first, then
// `npx tsx scripts/screenshot.ts [url] [out.png] [width] [height] [dark] [layers]`; `layers`
// opens the Layers panel, enlarges a map of the first convolution and shoots the whole page.
import { chromium } from '@playwright/test';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { chromiumLaunchOptions } from '../e2e/support/chromiumLaunchOptions';

const [
  url = 'http://127.0.0.1:4173/',
  out = 'docs/screenshot.png',
  width = '1100',
  height = '760',
  scheme = 'light',
  panel = '',
] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
const app = new RecogniserPage(page);
await app.open(url);
// A handwritten-looking 4, in pad units.
await app.drawNormalised(
  [
    [
      [0.42, 0.18],
      [0.3, 0.5],
      [0.28, 0.6],
      [0.45, 0.6],
      [0.72, 0.58],
    ],
    [
      [0.6, 0.3],
      [0.6, 0.55],
      [0.61, 0.85],
    ],
  ],
  6,
);
await app.waitForDone();
if (panel === 'layers') {
  await app.layersPanel.open();
  await app.waitForDone();
  await app.layersPanel.layers.nth(0).locator('button').nth(5).click();
}
await page.screenshot({ path: out, fullPage: panel === 'layers' });
await browser.close();
console.log(`wrote ${out}`);
