import { expect, type Locator, type Page } from '@playwright/test';

/** A model file's resource timing: URL, what requested it, start and end (ms). */
export interface ModelFileTiming {
  url: string;
  initiator: string;
  startTime: number;
  responseEnd: number;
}

/**
 * What the page's own clocks say: the 'predict' and 'pen-up-to-answer' User Timing measures
 * and the model files' resource timing. Specs, the benchmark and the scripts read them alike.
 */
export class PageTimings {
  constructor(
    private readonly page: Page,
    private readonly pad: Locator,
    private readonly prediction: Locator,
    private readonly wait: { timeout?: number },
  ) {}

  /** How many 'predict' User Timing measures the page holds. */
  async predictMeasures(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('predict').length);
  }

  /** The 'predict' durations (ms) recorded so far, clearing them so the next read starts afresh. */
  async takePredictMeasures(): Promise<number[]> {
    return this.page.evaluate(() => {
      const durations = performance.getEntriesByName('predict').map((e) => e.duration);
      performance.clearMeasures('predict');
      return durations;
    });
  }

  /**
   * Times, in the page, what a person waits for: from each pen-up on the pad (the pointerup
   * event's own time stamp) to the prediction's next data-state="done", as 'pen-up-to-answer'
   * User Timing measures. When the answer read while drawing already stands (still done two
   * frames after pen-up, nothing pending in between), the wait is 0. A pen-down before the
   * answer drops that one. Call once after `open`; read them with `takePenUpToAnswer`.
   */
  async timePenUpToAnswer(): Promise<void> {
    const prediction = await this.prediction.elementHandle();
    await this.pad.evaluate((pad, prediction) => {
      let penUp: number | null = null;
      const options = { capture: true };
      // No named helper functions in here: tsx (the bench) would wrap them in an undefined
      // __name() once the function runs in the page.
      pad.addEventListener('pointerdown', () => (penUp = null), options);
      pad.addEventListener(
        'pointerup',
        (event) => {
          const at = (penUp = event.timeStamp);
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              if (penUp !== at || prediction?.getAttribute('data-state') !== 'done') return;
              performance.measure('pen-up-to-answer', { start: at, end: at });
              penUp = null;
            }),
          );
        },
        options,
      );
      new MutationObserver(() => {
        if (penUp === null || prediction?.getAttribute('data-state') !== 'done') return;
        performance.measure('pen-up-to-answer', { start: penUp, end: performance.now() });
        penUp = null;
      }).observe(prediction!, { attributes: true, attributeFilter: ['data-state'] });
    }, prediction);
  }

  /**
   * The 'pen-up-to-answer' durations (ms) so far, clearing them (see timePenUpToAnswer). Waits
   * two frames first, so a pen-up whose answer already stood has been counted.
   */
  async takePenUpToAnswer(): Promise<number[]> {
    return this.page.evaluate(async () => {
      await new Promise((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r))),
      );
      const durations = performance.getEntriesByName('pen-up-to-answer').map((e) => e.duration);
      performance.clearMeasures('pen-up-to-answer');
      return durations;
    });
  }

  /** Waits for the last pen-up's answer, then returns its wait (ms), clearing the rest. */
  async lastPenUpToAnswer(): Promise<number> {
    await expect
      .poll(
        () => this.page.evaluate(() => performance.getEntriesByName('pen-up-to-answer').length),
        this.wait,
      )
      .toBeGreaterThan(0);
    return (await this.takePenUpToAnswer()).at(-1)!;
  }

  /** The model files' resource timing entries. */
  async modelFiles(): Promise<ModelFileTiming[]> {
    return this.page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\/model\/[^/]+\.(json|bin)$/.test(new URL(e.name).pathname))
        .map((e) => ({
          url: e.name,
          initiator: e.initiatorType,
          startTime: e.startTime,
          responseEnd: e.responseEnd,
        })),
    );
  }
}
