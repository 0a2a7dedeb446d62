import type { Page } from '@playwright/test';

/**
 * Wraps getContext on every canvas (DOM and Offscreen) before the page's scripts run:
 * 'block' makes WebGL unavailable; 'record' keeps each WebGL context in window.glContexts.
 * A worker's canvases are out of reach of an init script, so 'block' also hides Worker: the
 * page then probes WebGL on its own thread, as where workers cannot.
 */
export async function interceptWebglContexts(page: Page, mode: 'block' | 'record'): Promise<void> {
  await page.addInitScript((mode) => {
    const contexts: unknown[] = [];
    if (mode === 'block') Reflect.deleteProperty(window, 'Worker');
    (window as unknown as { glContexts: unknown[] }).glContexts = contexts;
    type GetContext = (this: unknown, type: string, ...rest: unknown[]) => unknown;
    for (const proto of [HTMLCanvasElement.prototype, globalThis.OffscreenCanvas?.prototype]) {
      if (!proto) continue;
      const canvas = proto as unknown as { getContext: GetContext };
      const original = canvas.getContext;
      canvas.getContext = function (type, ...rest) {
        const isWebgl = /webgl/.test(type);
        if (isWebgl && mode === 'block') return null;
        const context = original.call(this, type, ...rest);
        if (isWebgl && context) contexts.push(context);
        return context;
      };
    }
  }, mode);
}
