/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { mnistFiles } from './scripts/mnistFiles.ts';

/**
 * The Content-Security-Policy the built site ships as a meta tag (README gives it as a header
 * too). Not in dev: Vite's dev server injects inline scripts and styles. 'wasm-unsafe-eval'
 * lets `?backend=wasm` compile WebAssembly; it allows no JavaScript eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Preload links for the model files, so they are requested while the HTML is parsed instead of
 * after the app's JavaScript has run. `crossorigin="anonymous"` is the mode of the app's plain
 * `fetch()` (cors, same-origin credentials): with any other mode the preload is not reused and
 * the files are downloaded twice. Relative hrefs, like every other asset: any sub-path works.
 */
function modelPreload(modelJsonPath = 'public/model/model.json'): Plugin {
  return {
    name: 'model-preload',
    apply: 'build',
    transformIndexHtml: () => {
      const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as {
        weightsManifest: { paths: string[] }[];
      };
      const files = ['model.json', ...json.weightsManifest.flatMap((group) => group.paths)];
      return files.map((file) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `./model/${file}`, as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head' as const,
      }));
    },
  };
}

/**
 * tfjs-core bundles `long`, which probes WebAssembly at import time (inside try/catch) for
 * faster 64-bit maths that this app never uses. Under `script-src 'self'` that probe is a CSP
 * violation report, so the probe is compiled out and long takes its own no-wasm path.
 */
function longWithoutWasmProbe(): Plugin {
  return {
    name: 'long-without-wasm-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/long\/src\/long\.js$/.test(id)) return null;
      const probe = 'wasm = new WebAssembly.Instance(';
      if (!code.includes(probe)) this.error(`long.js changed: no "${probe}" to disable`);
      return code.replace(probe, 'wasm = null && new WebAssembly.Instance(');
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works at a domain root or under any sub-path.
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    modelPreload(),
    longWithoutWasmProbe(),
    // MNIST for training in the page: fetched only when a run starts, never precached.
    mnistFiles(),
    // Installable, and works offline once visited: the service worker precaches the app and
    // the model files. A new deployment's worker waits until the old version's tabs are closed
    // (no page ever mixes two versions' files), then takes over and drops the old entries.
    VitePWA({
      registerType: 'prompt',
      injectRegister: 'script', // a file, not an inline script: the CSP allows 'self' only
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Digit recogniser',
        short_name: 'Digits',
        description: 'Draw a digit; a neural network in your browser reads it.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f6f7',
        theme_color: '#2563eb',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,bin,wasm}'],
        globIgnores: ['**/node_modules/**/*', 'mnist/**'],
        // The wasm backend is the default wherever WebGL is software or missing, so its code and
        // SIMD binary (425 KB) are precached for offline use. Not the plain binary (311 KB), for
        // browsers without wasm SIMD only: offline, those fall back to the cpu backend.
        manifestTransforms: [
          (entries) => ({
            manifest: entries.filter(
              (e) => !/tfjs-backend-wasm-(?!simd-)[\w-]+\.wasm$/.test(e.url),
            ),
            warnings: [],
          }),
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true, // the first visit is offline-capable without a reload
        skipWaiting: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // tfjs carries ~1,000 @license banners (~19 KB gzip): ship the licences once, in
    // dist/.vite/license.md, instead of inside the JavaScript.
    license: true,
    rolldownOptions: { output: { comments: { legal: false } } },
  },
  test: {
    include: ['src/**/*.test.ts', 'training/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
