import { expect, type Locator, type Page } from '@playwright/test';
import type { Preprocessing } from '../../src/preprocess/preprocessing';
import type { Stroke } from '../../src/strokes';
import { LayersPanel } from './LayersPanel';
import { ModelPanel } from './ModelPanel';
import { PageTimings } from './PageTimings';
import { PersonalPanel } from './PersonalPanel';
import { UserModelPanel } from './UserModelPanel';

/**
 * How the mouse draws a stroke: a number is the mouse moves per segment, each awaited like a
 * drag; 'coalesced' sends one move per point without waiting, as a pen or a fast mouse reports
 * them, so Chromium delivers those of one frame as one pointermove with coalesced events.
 */
export type MouseMoves = number | 'coalesced';

/**
 * The app as a person uses it, and the one place that knows the page's test contract
 * (data-testid, data-state; the panels and the page's clocks in their own drivers, reached from
 * here). It works in specs and in plain Node scripts alike: its waits are `expect` assertions,
 * which Playwright also runs outside the test runner. There `timeout` defaults to Playwright's
 * 5 s; in the runner, to the configured expect timeout.
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
  /** The footer's deployment id; absent unless built with VITE_BUILD_ID. */
  readonly build: Locator;
  readonly personalPanel: PersonalPanel;
  readonly layersPanel: LayersPanel;
  readonly modelPanel: ModelPanel;
  /** A model the person brought, beside the shipped one. */
  readonly userModel: UserModelPanel;
  /** User Timing and resource timing, as the page records them. */
  readonly timings: PageTimings;
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
    this.build = page.getByTestId('build');
    this.personalPanel = new PersonalPanel(page, this.wait, () => this.waitForDone());
    this.layersPanel = new LayersPanel(page, this.wait);
    this.modelPanel = new ModelPanel(page);
    this.userModel = new UserModelPanel(page, this.wait);
    this.timings = new PageTimings(page, this.pad, this.prediction, this.wait);
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
}
