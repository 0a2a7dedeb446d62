import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Dispatches pointer events straight at the pad: thousands of points without mouse latency. */
async function syntheticStroke(page: Page, points: number, pointerType = 'mouse'): Promise<void> {
  await page.getByTestId('drawing-pad').evaluate(
    (canvas, { points, pointerType }) => {
      const rect = canvas.getBoundingClientRect();
      const fire = (type: string, i: number) => {
        const t = i / points;
        canvas.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: 7,
            pointerType,
            isPrimary: true,
            button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1,
            // A dense spiral: every point distinct, all over the pad.
            clientX: rect.left + rect.width * (0.5 + 0.4 * t * Math.cos(t * 60)),
            clientY: rect.top + rect.height * (0.5 + 0.4 * t * Math.sin(t * 60)),
          }),
        );
      };
      fire('pointerdown', 0);
      for (let i = 1; i < points; i++) fire('pointermove', i);
      fire('pointerup', points);
    },
    { points, pointerType },
  );
}

test.describe('hostile input', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('a stroke of 5,000 points neither crashes nor freezes the page', async ({ app, page }) => {
    const started = Date.now();
    await syntheticStroke(page, 5000);
    await app.waitForDone();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await app.strokeCount()).toBe(1);
    // The page still answers: a normal stroke is drawn and recognised after it.
    await app.click('clear');
    await app.drawNormalised([
      [
        [0.5, 0.2],
        [0.5, 0.8],
      ],
    ]);
    expect(await app.predictedDigit()).toBe('1');
  });

  test('very fast scribbles: big jumps between samples', async ({ app, page }) => {
    const { x, y, side } = await app.padBox();
    await page.mouse.move(x + side * 0.1, y + side * 0.1);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(x + side * ((i * 0.37) % 1), y + side * ((i * 0.61) % 1));
    }
    await page.mouse.up();
    await app.waitForDone();
    expect(await app.strokeCount()).toBe(1);
    const confidence = Number(await app.prediction.getAttribute('data-confidence'));
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  test('a single dot is kept but gives nothing to recognise', async ({ app, page }) => {
    const { x, y, side } = await app.padBox();
    await page.mouse.click(x + side / 2, y + side / 2);
    expect(await app.strokeCount()).toBe(1);
    await expect(app.prediction).toHaveAttribute('data-state', 'empty');
    await expect(app.prediction).toHaveAttribute('data-digit', '');
    // Adding a line to the dot makes a drawing again.
    await app.drawNormalised([
      [
        [0.5, 0.2],
        [0.5, 0.8],
      ],
    ]);
    expect(await app.predictedDigit()).toBe('1');
  });

  test('resizing the window mid-stroke keeps the stroke and the drawing', async ({ app, page }) => {
    await app.drawNormalised([
      [
        [0.3, 0.25],
        [0.7, 0.25],
      ],
    ]);
    await app.waitForDone();
    const firstStroke = await app.previewPixels();
    const { x, y, side } = await app.padBox();
    await page.mouse.move(x + side * 0.7, y + side * 0.25);
    await page.mouse.down();
    await page.mouse.move(x + side * 0.6, y + side * 0.5, { steps: 4 });
    // The layout changes under the pen (two columns -> one): the stroke goes on.
    await page.setViewportSize({ width: 700, height: 900 });
    const after = await app.padBox();
    await page.mouse.move(after.x + after.side * 0.45, after.y + after.side * 0.8, { steps: 4 });
    await page.mouse.up();
    expect(await app.strokeCount()).toBe(2);
    expect(await app.predictedDigit()).toMatch(/^[0-9]$/);
    // The earlier stroke is exactly as it was: undoing the new one gives the same input back.
    await app.click('undo');
    await app.waitForDone();
    const again = await app.previewPixels();
    again.forEach((v, i) => expect(v).toBeCloseTo(firstStroke[i]!, 2));
    // The canvas backing store follows the new size.
    const sizes = await app.pad.evaluate((c: HTMLCanvasElement) => [c.width, c.clientWidth]);
    expect(sizes[0]).toBe(sizes[1]);
    expect(Math.abs(sizes[1]! - after.side)).toBeLessThanOrEqual(2); // the pad's border
  });

  test('pointercancel ends a touch stroke without losing it', async ({ app, page }) => {
    await syntheticStroke(page, 50, 'touch');
    await page.getByTestId('drawing-pad').evaluate((canvas) => {
      const rect = canvas.getBoundingClientRect();
      const at = (type: string, fx: number, fy: number) =>
        canvas.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: 9,
            pointerType: 'touch',
            isPrimary: true,
            clientX: rect.left + rect.width * fx,
            clientY: rect.top + rect.height * fy,
          }),
        );
      at('pointerdown', 0.2, 0.2);
      at('pointermove', 0.4, 0.4);
      at('pointercancel', 0.4, 0.4); // the browser took the gesture over
    });
    expect(await app.strokeCount()).toBe(2);
    await app.waitForDone();
    // The next stroke is a new one: the cancelled stroke really ended.
    await app.drawNormalised([
      [
        [0.6, 0.6],
        [0.8, 0.8],
      ],
    ]);
    expect(await app.strokeCount()).toBe(3);
  });
});

test.describe('a 4K screen at devicePixelRatio 3', () => {
  test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 3 });

  test('draws sharp at full resolution and still predicts', async ({ app }) => {
    await app.open();
    const [backing, css] = await app.pad.evaluate((c: HTMLCanvasElement) => [
      c.width,
      c.clientWidth,
    ]);
    expect(css).toBeGreaterThan(300);
    expect(backing).toBe(Math.round(css! * 3));
    await app.drawNormalised([
      [
        [0.5, 0.2],
        [0.5, 0.8],
      ],
    ]);
    expect(await app.predictedDigit()).toBe('1');
  });
});
