import { expect, type Locator, type Page } from '@playwright/test';
import type { Preprocessing } from '../../src/preprocess/preprocessing';
import type { Stroke } from '../../src/strokes';

/**
 * How the mouse draws a stroke: a number is the mouse moves per segment, each awaited like a
 * drag; 'coalesced' sends one move per point without waiting, as a pen or a fast mouse reports
 * them, so Chromium delivers those of one frame as one pointermove with coalesced events.
 */
export type MouseMoves = number | 'coalesced';

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

/** One layer of the Layers panel, as `layerSummaries` reads it. */
export interface LayerSummary {
  name: string;
  shape: string;
  canvases: number;
  painted: boolean;
  lit: boolean[];
  peaks: number[];
  fingerprint: number;
}

/**
 * The app as a person uses it, and the one place that knows the page's test contract
 * (data-testid, data-state, the User Timing names). It works in specs and in plain Node scripts
 * alike: its waits are `expect` assertions, which Playwright also runs outside the test runner.
 * There `timeout` defaults to Playwright's 5 s; in the runner, to the configured expect timeout.
 */
export class RecogniserPage {
  readonly pad: Locator;
  /** The element whose data-stroke-count counts the strokes drawn. */
  readonly padArea: Locator;
  readonly prediction: Locator;
  /** The number read: one `numberDigits` button per group, left to right. */
  readonly number: Locator;
  readonly numberDigits: Locator;
  readonly modelStatus: Locator;
  readonly backend: Locator;
  /** Why the model does not run on the requested (or, by default, the fastest) backend. */
  readonly backendNote: Locator;
  readonly preview: Locator;
  readonly preprocessing: Locator;
  readonly tensors: Locator;
  readonly rawOutputs: Locator;
  /** How many examples of the person's handwriting are kept on the device. */
  readonly personalCount: Locator;
  readonly personalNotice: Locator;
  /** The Layers panel (its toggle, closed by default) and, while open, one element per layer. */
  readonly layersPanel: Locator;
  readonly layers: Locator;
  /** The footer's deployment id; absent unless built with VITE_BUILD_ID. */
  readonly build: Locator;
  /** Options for every wait but the first model load's. */
  private readonly wait: { timeout?: number };

  constructor(
    readonly page: Page,
    options: { timeout?: number } = {},
  ) {
    this.wait = { timeout: options.timeout };
    this.pad = page.getByTestId('drawing-pad');
    this.padArea = page.locator('[data-stroke-count]');
    this.prediction = page.getByTestId('prediction');
    this.number = page.getByTestId('number');
    this.numberDigits = page.getByTestId('number-digit');
    this.modelStatus = page.getByTestId('model-status');
    this.backend = page.getByTestId('backend');
    this.backendNote = page.getByTestId('backend-note');
    this.preview = page.getByTestId('input-preview');
    this.preprocessing = page.getByTestId('preprocessing');
    this.tensors = page.getByTestId('tensor-count');
    this.rawOutputs = page.getByTestId('raw-outputs');
    this.personalCount = page.getByTestId('personal-count');
    this.personalNotice = page.getByTestId('personal-notice');
    this.build = page.getByTestId('build');
    this.layersPanel = page.getByTestId('layers');
    this.layers = page.getByTestId('layer');
  }

  /** Opens the Layers panel as a person would, by clicking it (the click lands on its title). */
  async openLayers(): Promise<void> {
    await this.layersPanel.click();
    await expect(this.layersPanel).toHaveAttribute('open', '', this.wait);
  }

  /**
   * What the open Layers panel shows, per layer: its name and shape, how many canvases it has,
   * whether every one of them is painted (opaque), which show any activation (a pixel above
   * black), the strongest activation each map's label states, and a fingerprint of its pixels.
   */
  async layerSummaries(): Promise<LayerSummary[]> {
    return this.layers.evaluateAll((sections) =>
      sections.map((section) => {
        const canvases = [...section.querySelectorAll('canvas')];
        const pixels = canvases.map((canvas) => {
          const context = canvas.getContext('2d')!;
          return context.getImageData(0, 0, canvas.width, canvas.height).data;
        });
        let fingerprint = 0;
        for (const data of pixels) {
          for (let i = 0; i < data.length; i++) fingerprint = (fingerprint * 31 + data[i]!) % 1e9;
        }
        return {
          name: section.getAttribute('data-name') ?? '',
          shape: section.getAttribute('data-shape') ?? '',
          canvases: canvases.length,
          painted: pixels.every((data) => data.every((v, i) => i % 4 !== 3 || v === 255)),
          lit: pixels.map((data) => data.some((v, i) => i % 4 !== 3 && v > 0)),
          peaks: [...section.querySelectorAll('button[aria-label]')].map((b) =>
            Number(/strongest activation (-?[\d.]+)/.exec(b.getAttribute('aria-label')!)?.[1]),
          ),
          fingerprint,
        };
      }),
    );
  }

  async closeLayers(): Promise<void> {
    await this.layersPanel.locator('summary').click();
    await expect(this.layersPanel).not.toHaveAttribute('open', '', this.wait);
  }

  /**
   * Navigates (relative to the base URL in specs) and waits until the model answers on its
   * final backend: `?backend=webgl` answers on the cpu backend while WebGL starts, the default
   * page on wasm while it asks what WebGL runs on (the badge's data-state is "interim" then).
   */
  async open(url = './'): Promise<void> {
    await this.page.goto(url);
    await this.waitForModelReady({ timeout: 60_000 });
    await expect(this.backend).toHaveAttribute('data-state', 'final', { timeout: 60_000 });
  }

  async waitForModelReady(wait = this.wait): Promise<void> {
    await expect(this.modelStatus).toHaveAttribute('data-state', 'ready', wait);
  }

  async waitForModelError(): Promise<void> {
    await expect(this.modelStatus).toHaveAttribute('data-state', 'error', this.wait);
  }

  /** The name on the backend badge: webgl, wasm or cpu. */
  async backendName(): Promise<string> {
    return (await this.backend.textContent()) ?? '?';
  }

  /** The pad's box in the viewport, scrolled fully into view first (an open panel may not be). */
  async padBox(): Promise<{ x: number; y: number; side: number }> {
    await this.pad.scrollIntoViewIfNeeded();
    const box = await this.pad.boundingBox();
    if (!box) throw new Error('drawing pad is not visible');
    return { x: box.x, y: box.y, side: Math.min(box.width, box.height) };
  }

  /** The pad's size in CSS pixels (it is wider than tall, for numbers). */
  async padSize(): Promise<{ width: number; height: number }> {
    const box = await this.pad.boundingBox();
    if (!box) throw new Error('drawing pad is not visible');
    return { width: box.width, height: box.height };
  }

  /** Draws strokes given in pad pixels with the mouse. */
  async drawWithMouse(strokes: readonly Stroke[], moves: MouseMoves = 2): Promise<void> {
    const { x, y } = await this.padBox();
    const mouse = this.page.mouse;
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      await mouse.move(x + first[0], y + first[1]);
      await mouse.down();
      if (moves === 'coalesced') {
        await Promise.all(rest.map(([px, py]) => mouse.move(x + px, y + py)));
      } else {
        for (const [px, py] of rest) await mouse.move(x + px, y + py, { steps: moves });
      }
      await mouse.up();
    }
  }

  /** Draws strokes given in pad units (0..1 of the pad's side). */
  async drawNormalised(strokes: readonly Stroke[], moves: MouseMoves = 2): Promise<void> {
    const { side } = await this.padBox();
    await this.drawWithMouse(
      strokes.map((s) => s.map(([px, py]) => [px * side, py * side] as const)),
      moves,
    );
  }

  async waitForDone(): Promise<void> {
    await expect(this.prediction).toHaveAttribute('data-state', 'done', this.wait);
  }

  /** The number is read: its digits are this drawing's. */
  async waitForNumberDone(): Promise<void> {
    await expect(this.number).toHaveAttribute('data-state', 'done', this.wait);
  }

  /** The number read ("?" for a group that is not a digit), once done. */
  async numberValue(): Promise<string> {
    await this.waitForNumberDone();
    return (await this.number.getAttribute('data-value')) ?? '';
  }

  /** How many groups (digits) the strokes make, once done. */
  async numberCount(): Promise<number> {
    await this.waitForNumberDone();
    return Number(await this.number.getAttribute('data-count'));
  }

  /** Chooses the i-th digit of the number (0 = leftmost) to show its details. */
  async selectDigit(i: number): Promise<void> {
    await this.numberDigits.nth(i).click();
    await expect(this.numberDigits.nth(i)).toHaveAttribute('aria-pressed', 'true', this.wait);
  }

  /** Nothing to predict: no prediction and no digit shown. */
  async waitForEmpty(): Promise<void> {
    await expect(this.prediction).toHaveAttribute('data-state', 'empty', this.wait);
    await expect(this.prediction).toHaveAttribute('data-digit', '', this.wait);
  }

  /** The digit read, once the prediction is done. */
  async predictedDigit(): Promise<number> {
    return this.readDone('data-digit');
  }

  /** The top score (0..1), once the prediction is done. */
  async confidence(): Promise<number> {
    return this.readDone('data-confidence');
  }

  /** The verdict (sure, unsure, not-a-digit), once the prediction is done. */
  async verdict(): Promise<string | null> {
    await this.waitForDone();
    return this.prediction.getAttribute('data-verdict');
  }

  /** The two likeliest digits offered, best first, once the prediction is done. */
  async alternatives(): Promise<number[]> {
    await this.waitForDone();
    const value = (await this.prediction.getAttribute('data-alternatives')) ?? '';
    return value ? value.split(',').map(Number) : [];
  }

  /** The score chart's bar of one digit. */
  score(digit: number): Locator {
    return this.page.getByTestId(`score-${digit}`);
  }

  /** The ten probabilities the chart shows, digit 0 first. */
  async probabilities(): Promise<number[]> {
    const bars = Array.from({ length: 10 }, (_, d) => this.score(d));
    return Promise.all(bars.map(async (bar) => Number(await bar.getAttribute('data-probability'))));
  }

  async strokeCount(): Promise<number> {
    return Number(await this.padArea.getAttribute('data-stroke-count'));
  }

  async click(button: 'clear' | 'undo' | 'redo'): Promise<void> {
    await this.page.getByTestId(button).click();
  }

  /** Clears the pad and waits until the prediction is empty. */
  async clear(): Promise<void> {
    await this.click('clear');
    await this.waitForEmpty();
  }

  async choosePreprocessing(mode: Preprocessing): Promise<void> {
    await this.preprocessing.selectOption(mode);
  }

  async chosenPreprocessing(): Promise<Preprocessing> {
    return (await this.preprocessing.inputValue()) as Preprocessing;
  }

  /** The live tensor count the Model panel shows (the panel must be open). */
  async tensorCount(): Promise<number> {
    return Number(await this.tensors.textContent());
  }

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

  /** The model files' resource timing entries: URL, what requested it, start and end (ms). */
  async modelFileTimings(): Promise<
    { url: string; initiator: string; startTime: number; responseEnd: number }[]
  > {
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

  /** Milliseconds from navigation start to the 'model-ready' mark. */
  async modelReadyAt(): Promise<number> {
    return this.page.evaluate(() => {
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
  async loadTimeline(): Promise<LoadTimeline> {
    // Entry names -> [end, duration]; no named helpers in here (tsx would wrap them in an
    // undefined __name() once the function runs in the page).
    const [app, probe, files, backend, warmUp, final, finalWarmUp] = await this.page.evaluate(
      () => [
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
      ],
    );
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

  /** The preview's pixels as 0..1 intensities (28x28). */
  async previewPixels(): Promise<number[]> {
    return this.preview.evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]! / 255);
    });
  }

  private async readDone(attribute: 'data-digit' | 'data-confidence'): Promise<number> {
    await this.waitForDone();
    const value = await this.prediction.getAttribute(attribute);
    if (!value) throw new Error(`a done prediction without ${attribute}`);
    return Number(value);
  }

  /** Says, through "Not right?", that the drawing on the pad is `digit`; waits until it is kept. */
  async correctAs(digit: number): Promise<void> {
    const before = await this.keptCount();
    await this.waitForDone();
    await this.page.getByTestId('correct').click();
    await this.page.getByTestId(`correct-${digit}`).click();
    await expect(this.personalCount).toHaveText(String(before + 1), this.wait);
  }

  /** Says, through "Right", that the digit read is the right one; waits until it is kept. */
  async confirmReading(): Promise<void> {
    const before = await this.keptCount();
    await this.waitForDone();
    await this.page.getByTestId('confirm').click();
    await expect(this.personalCount).toHaveText(String(before + 1), this.wait);
  }

  /** The number of kept examples shown. */
  async keptCount(): Promise<number> {
    return Number(await this.personalCount.textContent());
  }

  /** "Forget my handwriting", confirmed; waits until nothing is kept. */
  async forgetHandwriting(): Promise<void> {
    await this.page.getByTestId('forget').click();
    await this.page.getByTestId('forget-confirm').click();
    await expect(this.personalCount).toHaveText('0', this.wait);
  }
}
