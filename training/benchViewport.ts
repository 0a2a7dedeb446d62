// The bench's browser window and the pad the page lays out in it: here, not in bench/, so the
// Node reports (training/numbersReport.ts) place strokes on the very pad the bench draws on
// without importing the bench.

/** The page size every benchmark uses, CSS pixels: the frame cost of software compositing grows with it. */
export const BENCH_VIEWPORT = { width: 1100, height: 760 };

/**
 * The drawing pad in BENCH_VIEWPORT, CSS pixels, as the page lays it out (RecogniserPage
 * padSize(); e2e/benchViewport.spec.ts checks it still does).
 */
export const BENCH_PAD = { width: 936, height: 304 };
