import type { Locator } from '@playwright/test';
import type { Point } from '../src/strokes';
import { expect, test } from './fixtures';
import { DASH, ONE, SEVEN_IN_TWO_STROKES } from './support/strokes';

/** Dispatches pointer events straight at the pad: thousands of points without mouse latency. */
async function syntheticStroke(pad: Locator, points: number, pointerType = 'mouse'): Promise<void> {
  await pad.evaluate(
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

  test('a stroke of 5,000 points neither crashes nor freezes the page', async ({ app }) => {
    const started = Date.now();
    await syntheticStroke(app.pad, 5000);
    await app.waitForDone();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await app.strokeCount()).toBe(1);
    // The page still answers: a normal stroke is drawn and recognised after it.
    await app.clear();
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
  });

  test('very fast scribbles: big jumps between samples', async ({ app }) => {
    const jumps = Array.from({ length: 60 }, (_, i) => [(i * 0.37) % 1, (i * 0.61) % 1] as const);
    await app.drawNormalised([[[0.1, 0.1], ...jumps]], 1);
    expect(await app.strokeCount()).toBe(1);
    const confidence = await app.confidence();
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThanOrEqual(1);
  });

  test('a single dot is kept but gives nothing to recognise', async ({ app }) => {
    await app.drawNormalised([[[0.5, 0.5]]]);
    expect(await app.strokeCount()).toBe(1);
    await app.waitForEmpty();
    // Adding a line to the dot makes a drawing again.
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
  });

  test('resizing the window mid-stroke keeps the stroke and the drawing', async ({ app, page }) => {
    const [bar, diagonal] = SEVEN_IN_TWO_STROKES;
    await app.drawNormalised([bar!]);
    await app.waitForDone();
    const firstStroke = await app.previewPixels();
    // The diagonal, by hand: the layout changes under the pen (two columns -> one) halfway.
    const [[fromX, fromY], [toX, toY]] = diagonal as readonly [Point, Point];
    const { x, y, side } = await app.padBox();
    await page.mouse.move(x + side * fromX, y + side * fromY);
    await page.mouse.down();
    await page.mouse.move(x + (side * (fromX + toX)) / 2, y + (side * (fromY + toY)) / 2, {
      steps: 4,
    });
    await page.setViewportSize({ width: 700, height: 900 });
    const after = await app.padBox();
    await page.mouse.move(after.x + after.side * toX, after.y + after.side * toY, { steps: 4 });
    await page.mouse.up();
    expect(await app.strokeCount()).toBe(2);
    // The stroke goes on: whichever digit it reads, it reads one.
    expect(await app.predictedDigit()).toBeGreaterThanOrEqual(0);
    // The earlier stroke is exactly as it was: undoing the new one gives the same input back.
    await app.click('undo');
    await app.waitForDone();
    const again = await app.previewPixels();
    again.forEach((v, i) => expect(v).toBeCloseTo(firstStroke[i]!, 2));
    // The canvas backing store follows the new size.
    const [backingWidth, cssWidth, backingHeight, cssHeight] = await app.pad.evaluate(
      (c: HTMLCanvasElement) => [c.width, c.clientWidth, c.height, c.clientHeight],
    );
    expect(backingWidth).toBe(cssWidth);
    expect(backingHeight).toBe(cssHeight);
    const { width, height } = await app.padSize();
    expect(Math.abs(cssWidth! - width)).toBeLessThanOrEqual(2); // the pad's border
    expect(Math.abs(cssHeight! - height)).toBeLessThanOrEqual(2);
  });

  test('pointercancel ends a touch stroke without losing it', async ({ app }) => {
    await syntheticStroke(app.pad, 50, 'touch');
    await app.pad.evaluate((canvas) => {
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
    await app.drawNormalised(DASH);
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
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
  });
});
