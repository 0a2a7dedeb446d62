import type { Page } from '@playwright/test';

/** See `loadTimeline`. */
export interface LoadTimeline {
  appStart: number | null;
  probeEnd: number | null;
  probe: number | null;
  modelFiles: number | null;
  backendStarted: number | null;
  warmUpEnd: number | null;
  warmUp: number | null;
  /** When the page moved from an interim backend to its final one, and that one's warm-up. */
  finalBackend: number | null;
  finalWarmUp: number | null;
}

/** Milliseconds from navigation start to the page's 'model-ready' mark. */
export async function modelReadyAt(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [mark] = performance.getEntriesByName('model-ready');
    if (!mark) throw new Error('no model-ready mark');
    return mark.startTime;
  });
}

/**
 * Where a load's time went (ms from navigation; null when the page did not take that step):
 * the app's code running, the end of the WebGL probe (default page) and its length, the
 * model files in hand, the backend started, the warm-up's end and length, and, where the page
 * answered on an interim backend first, when it moved to its final one and that one's warm-up.
 */
export async function loadTimeline(page: Page): Promise<LoadTimeline> {
  // Entry names -> [end, duration]; no named helpers in here (tsx would wrap them in an
  // undefined __name() once the function runs in the page).
  const [app, probe, files, backend, warmUp, final, finalWarmUp] = await page.evaluate(() => [
    ...[
      'app-start',
      'webgl-probe',
      'model-files',
      'backend-started',
      'warm-up',
      'backend-final',
    ].map((name) => {
      const [e] = performance.getEntriesByName(name);
      return e ? [e.startTime + e.duration, e.duration] : null;
    }),
    // The final backend's warm-up, where there was an interim one before it.
    performance
      .getEntriesByName('warm-up')
      .slice(1)
      .map((e) => [e.startTime + e.duration, e.duration])[0] ?? null,
  ]);
  return {
    appStart: app?.[0] ?? null,
    probeEnd: probe?.[0] ?? null,
    probe: probe?.[1] ?? null,
    modelFiles: files?.[0] ?? null,
    backendStarted: backend?.[0] ?? null,
    warmUpEnd: warmUp?.[0] ?? null,
    warmUp: warmUp?.[1] ?? null,
    finalBackend: final?.[0] ?? null,
    finalWarmUp: finalWarmUp?.[1] ?? null,
  };
}
