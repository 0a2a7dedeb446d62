import { loadNonDigits } from '../training/nonDigits';
import { expect, test } from './fixtures';
import { placeOnPad } from '../training/padPlacement';
import { stratifiedSample } from '../training/stratifiedSample';
import { heldOutDigits } from '../training/strokeDigits';

// Honest answers (issue 10): sure of a clear digit, "N or M?" when it cannot tell, "not a
// digit" for letters, shapes and dots. Drawings come from data the model never trained on:
// the held-out writers' digits and the held-out non-digits (data/non-digits/).

/**
 * Letters (R, C, W, U), a cross, a scribble, a star, hatching, an arrow and a letter pair:
 * the first of each kind in data/non-digits/held-out.json. The shipped model rejects all ten
 * in Node (npm run eval reads them the same way); two may slip through the mouse replay.
 */
const NON_DIGITS = [2, 7, 9, 11, 4, 26, 6, 18, 0, 34];
const REJECTED_OF_NON_DIGITS = 8;
/**
 * One digit per class: the shipped model is sure and right of eight, in Node and through the
 * mouse replay. The 7 of tra-5 is "7 or 2?" (0.950 where sure needs 0.955); the 4 of tra-20 it
 * reads as a sure 9 (0.963), one of its errors on the held-out writers. The model before it was
 * sure and right of nine (it called that 4 "4 or 9?").
 */
const SURE_OF_TEN = 8;
/** A 3 of writer tra-20 that leans towards 7: unsure in Node (7 at 0.77, 3 at 0.22; sure needs 0.955). */
const AMBIGUOUS = { writer: 'tra-20', index: 78, label: 3 };

test('clear handwritten digits are answered as sure, with the two likeliest offered', async ({
  app,
}) => {
  await app.open();
  const { side } = await app.padBox();
  const sample = stratifiedSample(heldOutDigits(), 1);
  let sure = 0;
  for (const [i, digit] of sample.entries()) {
    await app.drawWithMouse(placeOnPad(digit, side, i), 'coalesced');
    const verdict = await app.verdict();
    const alternatives = await app.alternatives();
    expect(alternatives).toHaveLength(2);
    expect(alternatives[0]).toBe(await app.predictedDigit());
    if (verdict === 'sure' && alternatives[0] === digit.label) sure++;
    await app.clear();
  }
  expect(sure).toBeGreaterThanOrEqual(SURE_OF_TEN);
});

test('letters and shapes are answered "not a digit", and said so', async ({ app, page }) => {
  await app.open();
  const { side } = await app.padBox();
  const drawings = NON_DIGITS.map((i) => loadNonDigits()[i]!);
  let rejected = 0;
  for (const [i, drawing] of drawings.entries()) {
    await app.drawWithMouse(placeOnPad(drawing, side, i), 'coalesced');
    if ((await app.verdict()) === 'not-a-digit') rejected++;
    await app.clear();
  }
  expect(rejected).toBeGreaterThanOrEqual(REJECTED_OF_NON_DIGITS);
  // The answer on the page and for screen readers.
  await app.drawWithMouse(placeOnPad(drawings[0]!, side, 0), 'coalesced');
  expect(await app.verdict()).toBe('not-a-digit');
  await expect(app.prediction).toContainText('Not a digit');
  await expect(page.locator('[aria-live="polite"]')).toHaveText('That does not look like a digit.');
});

test('an ambiguous digit is answered "N or M?", the truth among the two', async ({ app }) => {
  await app.open();
  const { side } = await app.padBox();
  const digit = heldOutDigits().find(
    (d) => d.writer === AMBIGUOUS.writer && d.index === AMBIGUOUS.index,
  )!;
  expect(digit.label).toBe(AMBIGUOUS.label);
  await app.drawWithMouse(placeOnPad(digit, side, 0), 'coalesced');
  expect(await app.verdict()).toBe('unsure');
  const [first, second] = await app.alternatives();
  expect([first, second]).toContain(AMBIGUOUS.label);
  await expect(app.prediction).toContainText(`${first} or ${second}?`);
  // The ten bars stay, so the person sees how close it was.
  await expect(app.score(first!)).toBeVisible();
});

test('a dot is not a digit, however the model reads it blown up', async ({ app }) => {
  await app.open();
  await app.drawNormalised([
    [
      [0.5, 0.5],
      [0.51, 0.515],
      [0.505, 0.5],
    ],
  ]);
  expect(await app.verdict()).toBe('not-a-digit');
});
