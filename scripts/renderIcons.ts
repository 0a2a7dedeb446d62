// Renders the PWA's PNG icons from public/favicon.svg (run once after changing the icon):
//   npx tsx scripts/renderIcons.ts
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromiumLaunchOptions';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();
for (const [file, size, maskable] of [
  ['public/icon-192.png', 192, false],
  ['public/icon-512.png', 512, false],
  ['public/icon-maskable-512.png', 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon fills the square (the platform crops it); the glyph stays in the safe zone.
  const inner = maskable ? size * 0.7 : size;
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;` +
      `background:${maskable ? '#2563eb' : 'transparent'}">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg', `<svg width="${inner}" height="${inner}"`)}</div></body>`,
  );
  await page.screenshot({ path: file, omitBackground: !maskable });
  console.log(`wrote ${file}`);
}
await browser.close();
