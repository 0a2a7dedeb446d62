import type { Locator } from '@playwright/test';
import type { Point } from '../src/strokes';
import { expect, test } from './fixtures';
import type { RecogniserPage } from './support/RecogniserPage';
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

/**
 * Reads the finished prediction and checks it agrees with itself: the shown confidence is the
 * chart's probability of the shown digit and the largest of ten that sum to 1, and the page
 * says it (a percentage, or the verdict that replaces it).
 */
async function expectOneReading(app: RecogniserPage) {
  const digit = await app.predictedDigit();
  const confidence = await app.confidence();
  const verdict = await app.verdict();
  const probabilities = await app.probabilities();
  expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  expect(probabilities[digit]).toBe(confidence);
  expect(Math.max(...probabilities)).toBe(confidence);
  await expect(app.score(digit)).toHaveClass(/score--top/);
  const shown =
    verdict === 'unsure'
      ? 'Not sure'
      : verdict === 'not-a-digit'
        ? 'Not a digit'
        : `${Math.round(confidence * 100)}%`;
  await expect(app.prediction).toContainText(shown);
  return { digit, confidence, probabilities };
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
    const scribble = await expectOneReading(app);
    // The jumps are drawn, not dropped: a scribble across the pad inks far more than a stroke.
    const inked = (pixels: number[]) => pixels.filter((v) => v > 0.5).length;
    const scribbleInk = inked(await app.previewPixels());
    await app.clear();
    await app.drawNormalised(ONE);
    const one = await expectOneReading(app);
    expect(one.digit).toBe(1);
    expect(scribbleInk).toBeGreaterThan(2 * inked(await app.previewPixels()));
    // The scores are the drawing's own: the scribble's are not the 1's.
    expect(scribble.probabilities).not.toEqual(one.probabilities);
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
