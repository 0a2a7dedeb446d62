import { expect, type Locator, type Page } from '@playwright/test';
import type { Stroke } from '../../src/strokes';

/** The app as a person uses it, through the stable data-testid contract. */
export class RecogniserPage {
  readonly pad: Locator;
  readonly prediction: Locator;
  readonly modelStatus: Locator;
  readonly backend: Locator;
  readonly preview: Locator;
  readonly padArea: Locator;

  constructor(readonly page: Page) {
    this.pad = page.getByTestId('drawing-pad');
    this.prediction = page.getByTestId('prediction');
    this.modelStatus = page.getByTestId('model-status');
    this.backend = page.getByTestId('backend');
    this.preview = page.getByTestId('input-preview');
    this.padArea = page.locator('[data-stroke-count]');
  }

  async open(path = './'): Promise<void> {
    await this.page.goto(path);
    await expect(this.modelStatus).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }

  async padBox(): Promise<{ x: number; y: number; side: number }> {
    const box = await this.pad.boundingBox();
    if (!box) throw new Error('drawing pad is not visible');
    return { x: box.x, y: box.y, side: Math.min(box.width, box.height) };
  }

  /** Draws strokes given in pad pixels with the mouse, segment by segment like a drag. */
  async drawWithMouse(strokes: readonly Stroke[], stepsPerSegment = 2): Promise<void> {
    const { x, y } = await this.padBox();
    const mouse = this.page.mouse;
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      await mouse.move(x + first[0], y + first[1]);
      await mouse.down();
      for (const [px, py] of rest) await mouse.move(x + px, y + py, { steps: stepsPerSegment });
      await mouse.up();
    }
  }

  /** Strokes given in pad units (0..1). */
  async drawNormalised(strokes: readonly Stroke[], stepsPerSegment = 2): Promise<void> {
    const { side } = await this.padBox();
    await this.drawWithMouse(
      strokes.map((s) => s.map(([px, py]) => [px * side, py * side] as const)),
      stepsPerSegment,
    );
  }

  async waitForDone(): Promise<void> {
    await expect(this.prediction).toHaveAttribute('data-state', 'done');
  }

  async predictedDigit(): Promise<string | null> {
    await this.waitForDone();
    return this.prediction.getAttribute('data-digit');
  }

  async strokeCount(): Promise<number> {
    return Number(await this.padArea.getAttribute('data-stroke-count'));
  }

  async click(testId: 'clear' | 'undo' | 'redo'): Promise<void> {
    await this.page.getByTestId(testId).click();
  }

  async tensorCount(): Promise<number> {
    return Number(await this.page.getByTestId('tensor-count').textContent());
  }

  async predictMeasures(): Promise<number> {
    return this.page.evaluate(() => performance.getEntriesByName('predict').length);
  }

  /** The preview's pixels as 0..1 intensities (28x28). */
  async previewPixels(): Promise<number[]> {
    return this.preview.evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]! / 255);
    });
  }
}
