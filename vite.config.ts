/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy the built site ships as a meta tag (README gives it as a header
 * too). Not in dev: Vite's dev server injects inline scripts and styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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
  plugins: [react(), contentSecurityPolicy(), longWithoutWasmProbe()],
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
