import { expect, test } from './fixtures';
import { RecogniserPage } from './support/RecogniserPage';
import { SEVEN } from './support/strokes';

// "Learns your handwriting": a correction is kept on the device (IndexedDB) and the page
// reads the person's drawings with it at once.

test('a correction changes the reading of that drawing, survives a reload, and forget restores the shipped scores exactly', async ({
  app,
  page,
  context,
}) => {
  await app.open();
  await expect(app.personalPanel.count).toHaveText('0');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
  const shipped = await app.probabilities();

  // A second tab of the same page hears of the change.
  const other = new RecogniserPage(await context.newPage());
  await other.open();

  // The European 1 the network reads as 7: the person says it is a 1.
  await app.personalPanel.correctAs(1);
  expect(await app.predictedDigit()).toBe(1);
  await expect(other.personalPanel.count).toHaveText('1');

  // Drawn again, it reads as the person meant.
  await app.clear();
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(1);

  await page.reload();
  await app.waitForModelReady();
  await expect(app.personalPanel.count).toHaveText('1');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(1);

  await app.personalPanel.forget();
  expect(await app.predictedDigit()).toBe(7);
  expect(await app.probabilities()).toEqual(shipped);
  await app.clear();
  await app.drawNormalised(SEVEN);
  expect(await app.probabilities()).toEqual(shipped);
  await expect(other.personalPanel.count).toHaveText('0');
});

test('the digit choice works from the keyboard and Escape closes it without clearing', async ({
  app,
  page,
}) => {
  await app.open();
  await app.drawNormalised(SEVEN);
  await app.waitForDone();
  await page.getByTestId('correct').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('correct-0')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Which digit did you write?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('correct-0')).toBeHidden();
  expect(await app.strokeCount()).toBe(1);
  await page.getByTestId('correct').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // to 1
  await page.keyboard.press('Enter');
  await expect(app.personalPanel.count).toHaveText('1');
  expect(await app.predictedDigit()).toBe(1);
});

test('a right answer can be kept too', async ({ app }) => {
  await app.open();
  await app.drawNormalised(SEVEN);
  await app.personalPanel.confirmReading();
  expect(await app.predictedDigit()).toBe(7);
  expect(await app.verdict()).toBe('sure');
});

test('corrections are kept and used with the network off', async ({ app, page, context }) => {
  await app.open('/tools/digits/');
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await context.setOffline(true);
  await page.reload();
  await app.waitForModelReady();
  await app.drawNormalised(SEVEN);
  await app.personalPanel.correctAs(1);
  await page.reload();
  await app.waitForModelReady();
  await expect(app.personalPanel.count).toHaveText('1');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(1);
  await context.setOffline(false);
});

test('a damaged store is discarded with a notice, and the page works on', async ({ app, page }) => {
  await app.open();
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digit-recogniser-personal');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('examples', 'readwrite');
    tx.objectStore('examples').add({ format: 2, label: 'seven', input: 'not floats' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await app.waitForModelReady();
  await expect(app.personalPanel.notice).toContainText('could not be read');
  await expect(app.personalPanel.count).toHaveText('0');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
});
