import { expect, test } from './fixtures';

test('the tensor count stays flat over 200 predictions', async ({ app }) => {
  test.setTimeout(300_000);
  await app.open();
  const stroke = [
    [0.5, 0.2],
    [0.52, 0.5],
    [0.5, 0.8],
  ] as const;
  // Warm: one full draw-predict-undo cycle before the baseline.
  await app.drawNormalised([stroke]);
  await app.waitForDone();
  await app.click('undo');
  const baseline = await app.tensorCount();
  const before = await app.predictMeasures();
  while ((await app.predictMeasures()) - before < 200) {
    await app.drawNormalised([stroke]);
    await app.waitForDone();
    await app.click('undo');
  }
  await app.drawNormalised([stroke]);
  await app.waitForDone();
  expect(await app.tensorCount()).toBe(baseline);
  expect((await app.predictMeasures()) - before).toBeGreaterThanOrEqual(200);
});
