import { BENCH_PAD, BENCH_VIEWPORT } from '../training/benchViewport';
import { expect, test } from './fixtures';

// training/numbersReport.ts draws on BENCH_PAD without a browser: the page must still lay the
// pad out at that size in the bench's viewport, or the Node figures stop being the bench's.
test.use({ viewport: BENCH_VIEWPORT });

test('the pad in the bench viewport is the size the Node reports draw on', async ({ app }) => {
  await app.open();
  expect(await app.padSize()).toEqual(BENCH_PAD);
  expect((await app.padBox()).side).toBe(BENCH_PAD.height);
});
