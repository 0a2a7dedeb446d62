import { CENTRE_OF_MASS } from '../src/constants';
import { expect, test } from './fixtures';
import {
  DASH,
  ONE,
  SEVEN,
  SEVEN_IN_TWO_STROKES,
  SMALL_SEVEN_IN_CORNER,
  WAVY_LINE,
} from './support/strokes';

// On WebGL, the GPU path (the default page here runs wasm: WebGL is SwiftShader, see backend.spec).
test.describe('drawing and recognising', () => {
  test.beforeEach(async ({ app }) => {
    await app.open('./?backend=webgl');
  });

  test('runs the model on WebGL and starts empty', async ({ app }) => {
    await expect(app.backend).toHaveText('webgl');
    await app.waitForEmpty();
  });

  test('recognises a digit drawn with the mouse and charts ten scores', async ({ app, page }) => {
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
    const confidence = await app.confidence();
    expect(confidence).toBeGreaterThan(0.5);
    const probabilities = await app.probabilities();
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(probabilities[7]).toBe(confidence);
    // Screen readers hear the result once the stroke is finished.
    await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Looks like a 7, \d+% sure\.$/);
  });

  test('keeps the TF Serving contract reachable: signature, request and response', async ({
    app,
    page,
  }) => {
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit()).toBe(7);
    await app.modelPanel.open();
    await expect(page.getByText(/flatten_input DT_FLOAT, shape \[-1, 28, 28\]/)).toBeVisible();
    await expect(page.getByText(/dense_1 DT_FLOAT, shape \[-1, 10\]/)).toBeVisible();
    const { request, response } = await app.modelPanel.rawExchange();
    expect(request.inputs).toHaveLength(1);
    expect(request.inputs[0]).toHaveLength(784);
    expect(response.outputs).toHaveLength(1);
    const logits = response.outputs[0]!;
    expect(logits).toHaveLength(10);
    expect(logits.indexOf(Math.max(...logits))).toBe(7);
    // The chart switches to the same raw logits.
    await page.getByLabel('Show raw logits').check();
    await expect(page.getByRole('heading', { name: 'Logits' })).toBeVisible();
    await expect(app.score(7)).toContainText(logits[7]!.toFixed(2));
  });

  test('clear, undo and redo, with buttons and keys, lose nothing', async ({ app, page }) => {
    for (const stroke of SEVEN_IN_TWO_STROKES) await app.drawNormalised([stroke]);
    expect(await app.strokeCount()).toBe(2);
    await app.click('undo');
    expect(await app.strokeCount()).toBe(1);
    await app.click('redo');
    expect(await app.strokeCount()).toBe(2);
    expect(await app.predictedDigit()).toBe(7);

    await app.clear();
    expect(await app.strokeCount()).toBe(0);
    // Clearing is undoable: the drawing comes back, and so does its prediction.
    await page.keyboard.press('Control+z');
    expect(await app.strokeCount()).toBe(2);
    expect(await app.predictedDigit()).toBe(7);

    await page.keyboard.press('Escape');
    expect(await app.strokeCount()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await app.strokeCount()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    expect(await app.strokeCount()).toBe(2);
  });

  test('shows the model input centred like MNIST', async ({ app }) => {
    // Drawn small and in a corner of the pad: the input is still centred and full size.
    await app.drawNormalised(SMALL_SEVEN_IN_CORNER);
    await app.waitForDone();
    const pixels = await app.previewPixels();
    let mass = 0;
    let sx = 0;
    let sy = 0;
    pixels.forEach((v, i) => {
      mass += v;
      sx += v * ((i % 28) + 0.5);
      sy += v * (Math.floor(i / 28) + 0.5);
    });
    expect(mass).toBeGreaterThan(40);
    expect(sx / mass).toBeCloseTo(CENTRE_OF_MASS, 0);
    expect(sy / mass).toBeCloseTo(CENTRE_OF_MASS, 0);
    expect(Math.abs(sx / mass - CENTRE_OF_MASS)).toBeLessThan(0.3);
    expect(Math.abs(sy / mass - CENTRE_OF_MASS)).toBeLessThan(0.3);
  });

  test('moves faster than the frame rate are all kept (coalesced pointer events)', async ({
    app,
  }) => {
    // A pen or a fast mouse reports several points per frame; Chromium hands them to the page
    // as one pointermove carrying the others as coalesced events. Sent without waiting, these
    // moves arrive that way, and the model must see the same drawing as from one-by-one moves.
    const images: number[][] = [];
    for (const moves of [1, 'coalesced'] as const) {
      await app.drawNormalised(WAVY_LINE, moves);
      await app.waitForDone();
      images.push(await app.previewPixels());
      await app.clear();
    }
    expect(images[1]).toEqual(images[0]);
  });

  test('the preprocessing switch re-reads the same drawing the simpler ways', async ({ app }) => {
    await app.drawNormalised(SMALL_SEVEN_IN_CORNER);
    expect(await app.predictedDigit()).toBe(7);
    const before = await app.timings.predictMeasures();
    const inkBox = (pixels: number[]) => {
      const cols = pixels.flatMap((v, i) => (v > 0.05 ? [i % 28] : []));
      const rows = pixels.flatMap((v, i) => (v > 0.05 ? [Math.floor(i / 28)] : []));
      return { right: Math.max(...cols), bottom: Math.max(...rows), top: Math.min(...rows) };
    };

    // Naive: the whole pad shrunk, so the 7 stays a few pixels in the corner.
    await app.choosePreprocessing('naive');
    await app.waitForDone();
    const naive = inkBox(await app.previewPixels());
    expect(naive.right).toBeLessThan(10);
    expect(naive.bottom).toBeLessThan(10);
    // Crop: the ink fills the image from top to bottom.
    await app.choosePreprocessing('crop');
    await app.waitForDone();
    const crop = inkBox(await app.previewPixels());
    expect(crop.top).toBeLessThanOrEqual(1);
    expect(crop.bottom).toBeGreaterThanOrEqual(26);
    // Each switch predicted the drawing once more, without redrawing; back to ours reads 7.
    expect(await app.timings.predictMeasures()).toBe(before + 2);
    await app.choosePreprocessing('mnist');
    expect(await app.predictedDigit()).toBe(7);
    expect(await app.strokeCount()).toBe(1);
  });

  test('?preprocess=naive starts with the naive preprocessing', async ({ app }) => {
    await app.open('./?backend=webgl&preprocess=naive');
    await expect(app.preprocessing).toHaveValue('naive');
    await app.drawNormalised(SMALL_SEVEN_IN_CORNER);
    await app.waitForDone();
    const pixels = await app.previewPixels();
    // No ink right of or below the corner where it was drawn.
    expect(pixels.some((v, i) => v > 0.05 && (i % 28 > 10 || i / 28 > 10))).toBe(false);
  });

  test('a stroke that leaves the pad still ends cleanly', async ({ app }) => {
    // The 1, going on below the pad.
    await app.drawNormalised([[...ONE[0]!, [0.5, 1.5]]], 5);
    expect(await app.strokeCount()).toBe(1);
    await app.waitForDone();
    // A new stroke starts a second one: the first really ended.
    await app.drawNormalised(DASH);
    expect(await app.strokeCount()).toBe(2);
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a finger draws without scrolling the page; a second finger is ignored', async ({
    app,
    page,
  }) => {
    await app.open();
    // Make the page scrollable, so a scroll would show.
    await page.evaluate(() => (document.body.style.minHeight = '300vh'));
    const { x, y, side } = await app.padBox();
    const cdp = await page.context().newCDPSession(page);
    const at = (fx: number, fy: number, id = 0) => ({ x: x + fx * side, y: y + fy * side, id });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [at(0.5, 0.15)],
    });
    for (let i = 1; i <= 12; i++) {
      const points = [at(0.5, 0.15 + i * 0.06)];
      // Halfway through, a second finger lands and moves: it must neither draw nor scroll.
      if (i >= 6) points.push(at(0.2 + i * 0.02, 0.5, 1));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await app.waitForDone();
    expect(await app.strokeCount()).toBe(1);
    expect(await app.predictedDigit()).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
});
