import { expect, test } from './fixtures';
import { composeNumbers, NUMBER_OPTIONS } from '../training/composeNumbers';
import { fitOnPad } from '../training/padPlacement';
import { heldOutDigits } from '../training/strokeDigits';
import { ONE } from './support/strokes';

// Whole numbers written with the mouse, from held-out writers' digits composed as they would
// write them in a row (see training/composeNumbers.ts; the bench replays hundreds).
const FOUR_DIGITS = { ...NUMBER_OPTIONS, minDigits: 4, maxDigits: 4 };

test.describe('numbers', () => {
  test.beforeEach(async ({ app }) => {
    await app.open();
  });

  test('reads 4-digit numbers by unseen writers whole, digit by digit', async ({ app }) => {
    test.setTimeout(300_000);
    const numbers = composeNumbers(heldOutDigits(), 5, 2026, FOUR_DIGITS);
    const { width, height } = await app.padSize();
    const read: string[] = [];
    for (const number of numbers) {
      await app.drawWithMouse(fitOnPad(number.strokes, width, height), 'coalesced');
      expect(await app.numberCount(), `${number.value} by ${number.writer}`).toBe(4);
      read.push(await app.numberValue());
      // Each digit button says what the number says.
      const digits = await app.numberDigits.evaluateAll((buttons) =>
        buttons.map((b) => b.getAttribute('data-digit')),
      );
      expect(digits.join('')).toBe(read.at(-1)!.replace(/\?/g, (_, i: number) => digits[i]!));
      await app.clear();
      await expect(app.number).toHaveAttribute('data-count', '0');
    }
    const right = read.filter((value, i) => value === numbers[i]!.value).length;
    // Measured: 4 of 5, every split right, one 7 read as a 2 (a digit misread, not a split).
    // A broken grouping or batch misreads most of them; the bench replays hundreds.
    expect(
      right,
      `read ${read.join(' ')} for ${numbers.map((n) => n.value).join(' ')}`,
    ).toBeGreaterThanOrEqual(4);
  });

  test('choosing a digit shows its scores, verdict and input; the last written is the default', async ({
    app,
    page,
  }) => {
    const [number] = composeNumbers(heldOutDigits(), 1, 7, FOUR_DIGITS);
    const { width, height } = await app.padSize();
    await app.drawWithMouse(fitOnPad(number!.strokes, width, height), 'coalesced');
    await app.waitForNumberDone();
    const digitAt = async (i: number) =>
      Number(await app.numberDigits.nth(i).getAttribute('data-digit'));
    // By default the prediction describes the digit written last (the rightmost here).
    await expect(app.numberDigits.nth(3)).toHaveAttribute('aria-pressed', 'true');
    expect(await app.predictedDigit()).toBe(await digitAt(3));
    const lastPreview = await app.previewPixels();

    await app.selectDigit(0);
    expect(await app.predictedDigit()).toBe(await digitAt(0));
    await expect(app.numberDigits.nth(3)).toHaveAttribute('aria-pressed', 'false');
    const probabilities = await app.probabilities();
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(await digitAt(0));
    expect(await app.previewPixels()).not.toEqual(lastPreview);
    await expect(app.prediction).toHaveAttribute(
      'data-verdict',
      (await app.numberDigits.nth(0).getAttribute('data-verdict'))!,
    );

    // The keyboard moves the choice too.
    await app.numberDigits.nth(0).focus();
    await page.keyboard.press('ArrowRight');
    await expect(app.numberDigits.nth(1)).toHaveAttribute('aria-pressed', 'true');
    expect(await app.predictedDigit()).toBe(await digitAt(1));
  });

  test('undo and redo work on strokes and regroup; a new stroke joins its digit', async ({
    app,
  }) => {
    // Two 1s far apart, then a bar into the first's top: a 7-like mark, still two groups. (Not
    // a bar across the top: that is a T, which a model trained on real letters calls not a
    // digit, and then the drawing is rightly answered as one non-digit.)
    await app.drawNormalised(ONE);
    const second = ONE.map((s) => s.map(([x, y]) => [x + 1, y] as const));
    await app.drawNormalised(second);
    expect(await app.numberCount()).toBe(2);
    expect(await app.numberValue()).toMatch(/^11$/);
    await app.drawNormalised([
      [
        [0.25, 0.2],
        [0.5, 0.2],
      ],
    ]);
    expect(await app.strokeCount()).toBe(3);
    expect(await app.numberCount()).toBe(2);
    await app.click('undo');
    expect(await app.numberCount()).toBe(2);
    await app.click('undo');
    expect(await app.numberCount()).toBe(1);
    await app.click('redo');
    expect(await app.numberCount()).toBe(2);
    expect(await app.numberValue()).toBe('11');
  });

  test('the Model panel shows the batched TF Serving request and response', async ({ app }) => {
    await app.drawNormalised(ONE);
    await app.drawNormalised(ONE.map((s) => s.map(([x, y]) => [x + 1, y] as const)));
    expect(await app.numberCount()).toBe(2);
    await app.modelPanel.open();
    const { request, response } = await app.modelPanel.rawExchange();
    expect(request.inputs).toHaveLength(2);
    expect(request.inputs.map((row) => row.length)).toEqual([784, 784]);
    expect(response.outputs).toHaveLength(2);
    for (const logits of response.outputs) {
      expect(logits).toHaveLength(10);
      expect(logits.indexOf(Math.max(...logits))).toBe(1);
    }
  });
});
