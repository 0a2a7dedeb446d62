import type { RecogniserPage } from '../e2e/support/RecogniserPage';
import { WAVY_LINE } from '../e2e/support/strokes';
import { loadTimeline, modelReadyAt, type LoadTimeline } from './loadTimeline';
import { openFirstVisit, type FirstVisit } from './setup';
import { summarise, type Summary } from './stats';

/** A page as `?backend=` asks for it; 'default' is the page without it (auto choice). */
export type BenchBackend = 'default' | 'webgl' | 'wasm' | 'cpu';

export interface LatencyResult {
  backend: BenchBackend;
  /** The backend the page ran on (the default page's choice). */
  ranOn: string;
  /** Navigation start -> performance.mark('model-ready'), each in a fresh browser profile. */
  modelReadyMs: Summary;
  /** Navigation start -> model.json requested, and -> the weights received (resource timing). */
  modelJsonStartMs: Summary;
  weightsEndMs: Summary;
  /** Medians of each first visit's timeline (see loadTimeline.ts); null if absent. */
  timeline: Record<keyof LoadTimeline, number | null>;
  /** Pointerup -> the prediction's data-state="done", timed in the page: what a person waits for. */
  penUpMs: Summary;
  /** 'predict' measures taken while a stroke is being drawn (competing with its frames). */
  drawingMs: Summary;
  /** 'predict' measures of single predictions on an idle page (undo and redo, one at a time). */
  singleMs: Summary;
}

export function pageUrl(url: string, backend: BenchBackend): string {
  return backend === 'default' ? url : `${url}?backend=${backend}`;
}

/**
 * Loads the app `loads` times, each a first visit (a fresh browser profile: no HTTP cache, no
 * service worker, no compiled shaders). On each, draws `strokes` strokes with the mouse, then
 * undoes and redoes the last one `singles` times, collecting the app's own User Timing.
 */
export async function measureLatency(
  url: string,
  backend: BenchBackend,
  { loads, strokes, singles }: { loads: number; strokes: number; singles: number },
): Promise<LatencyResult> {
  const visits: FirstVisit[] = [];
  const drawing: number[] = [];
  const single: number[] = [];
  const penUp: number[] = [];
  const ranOn = new Set<string>();
  for (let i = 0; i < loads; i++) {
    const visit = await openFirstVisit(pageUrl(url, backend));
    const { app } = visit;
    visits.push(visit);
    ranOn.add(visit.backend);
    if (backend !== 'default' && visit.backend !== backend) {
      throw new Error(`asked for ${backend}, the app runs on ${visit.backend}`);
    }
    await app.timings.timePenUpToAnswer();
    for (let s = 0; s < strokes; s++) {
      await app.drawNormalised(WAVY_LINE, 1);
      await app.waitForDone();
      drawing.push(...(await app.timings.takePredictMeasures()));
      // Keep the last two strokes: undo and redo between them then always leave ink to read.
      if (s < strokes - 2) await app.click('undo');
    }
    penUp.push(...(await app.timings.takePenUpToAnswer()));
    single.push(...(await predictIdleSingles(app, singles)));
    // Read again at the end: the default page's WebGL probe may answer after it is ready.
    visit.timeline = await loadTimeline(app.page);
    await visit.close();
  }
  return {
    backend,
    ranOn: [...ranOn].join(', '),
    modelReadyMs: summarise(visits.map((v) => v.modelReadyMs)),
    modelJsonStartMs: summarise(visits.map((v) => v.modelJsonStartMs)),
    weightsEndMs: summarise(visits.map((v) => v.weightsEndMs)),
    timeline: medianTimeline(visits.map((v) => v.timeline)),
    penUpMs: summarise(penUp),
    drawingMs: summarise(drawing),
    singleMs: summarise(single),
  };
}

/**
 * Undoes and redoes the last stroke `count` times, one prediction at a time on an idle page,
 * and returns the 'predict' measures taken since the last `takePredictMeasures`.
 */
export async function predictIdleSingles(app: RecogniserPage, count: number): Promise<number[]> {
  for (let s = 0; s < count; s++) {
    await app.click(s % 2 ? 'redo' : 'undo');
    await app.waitForDone();
    // Let the frame the change caused go by, so the next one starts on an idle page.
    await app.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))),
    );
  }
  return app.timings.takePredictMeasures();
}

/**
 * A return visit: in one fresh profile, a first visit installs the service worker; each later
 * load, in a new tab, finds the app and the model in its precache, the HTTP cache and the
 * browser's compiled shaders warm. Navigation -> model-ready of those `loads` loads.
 */
export async function measureReturnVisit(
  url: string,
  backend: BenchBackend,
  loads: number,
): Promise<Summary> {
  const visit = await openFirstVisit(pageUrl(url, backend));
  const ready: number[] = [];
  try {
    await visit.app.page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    for (let i = 0; i < loads; i++) {
      const again = await visit.openTab(pageUrl(url, backend));
      if (!(await again.page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        throw new Error('the return visit is not served by the service worker');
      }
      ready.push(await modelReadyAt(again.page));
      await again.page.close();
    }
  } finally {
    await visit.close();
  }
  return summarise(ready);
}

/** Each step's median over the loads that took it (null if none did). */
function medianTimeline(timelines: LoadTimeline[]): Record<keyof LoadTimeline, number | null> {
  const keys = Object.keys(timelines[0] ?? {}) as (keyof LoadTimeline)[];
  return Object.fromEntries(
    keys.map((key) => {
      const values = timelines.map((t) => t[key]).filter((v): v is number => v !== null);
      return [key, values.length ? summarise(values).median : null];
    }),
  ) as Record<keyof LoadTimeline, number | null>;
}
