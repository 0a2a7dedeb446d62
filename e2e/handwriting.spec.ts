import { NUM_CLASSES } from '../src/constants';
import { expect, test } from './fixtures';
import { placeOnPad } from '../training/padPlacement';
import { stratifiedSample } from '../training/stratifiedSample';
import { heldOutDigits } from '../training/strokeDigits';

// Real pen-written digits from writers the model never trained on, drawn through the real UI
// with the mouse, as a person would draw them.
const PER_CLASS = 10;
// Measured with the model shipped 2026-12-03: 99 of these 100 digits (a 4 of writer tra-20
// read as 9) and 99.1% of the bench's 1,000-digit replay through the app; models before it
// read 97-99. In a sample of 100 one digit is one point, so the floor leaves room for a
// retrained model or a harmless change, while a broken pipeline loses tens.
const MIN_ACCURACY = 0.94;

test(`recognises real handwriting of unseen writers (at least ${MIN_ACCURACY * 100}%)`, async ({
  app,
}) => {
  test.setTimeout(600_000);
  await app.open('./?backend=webgl');
  await expect(app.backend).toHaveText('webgl');
  const sample = stratifiedSample(heldOutDigits(), PER_CLASS);
  const { side } = await app.padBox();
  const correct = new Array<number>(NUM_CLASSES).fill(0);
  const mistakes: string[] = [];
  for (const [i, digit] of sample.entries()) {
    await app.drawWithMouse(placeOnPad(digit, side, i), 1);
    const predicted = await app.predictedDigit();
    await app.clear();
    if (predicted === digit.label) correct[digit.label]!++;
    else mistakes.push(`${digit.writer}#${digit.index}: ${digit.label} read as ${predicted}`);
  }
  const total = correct.reduce((a, b) => a + b, 0);
  const accuracy = total / sample.length;
  console.log(
    `handwriting accuracy ${(accuracy * 100).toFixed(1)}% (${total}/${sample.length}); per class: ` +
      correct.map((c, d) => `${d} ${((c / PER_CLASS) * 100).toFixed(0)}%`).join(', '),
  );
  if (mistakes.length) console.log(`mistakes: ${mistakes.join('; ')}`);
  expect(accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
});
