import { existsSync } from 'node:fs';

/**
 * How every browser run here starts Chromium: the tests, the benchmark and the scripts.
 * Playwright cannot download its own browser on this machine, so Debian's Chromium is used when
 * present (override with CHROMIUM_PATH), else whatever browser Playwright has installed.
 * SwiftShader gives headless Chromium WebGL 2 in software, so the WebGL backend really runs.
 */
export const chromiumLaunchOptions = {
  executablePath:
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: [
    '--no-sandbox',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
