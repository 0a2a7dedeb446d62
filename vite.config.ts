/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built site works at a domain root or under any sub-path.
  base: './',
  plugins: [react()],
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
