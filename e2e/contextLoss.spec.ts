import { expect, test } from './fixtures';
import { ONE, SEVEN } from './support/strokes';
import { interceptWebglContexts } from './support/webglContexts';

test('recovers from a lost WebGL context mid-session, keeping the drawing', async ({
  app,
  page,
}) => {
  // Keep a handle on every WebGL context the page creates, so the test can lose tfjs's.
  await interceptWebglContexts(page, 'record');
  await app.open('./?backend=webgl');
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);

  const lost = await page.evaluate(() => {
    const contexts = (window as unknown as { glContexts: WebGLRenderingContext[] }).glContexts;
    let count = 0;
    for (const gl of contexts) {
      const extension = gl.getExtension('WEBGL_lose_context');
      if (extension && !gl.isContextLost()) {
        extension.loseContext();
        count++;
      }
    }
    return count;
  });
  expect(lost).toBeGreaterThan(0);

  // The app rebuilds the model, keeps the drawing, and predicts it again.
  await app.waitForModelReady();
  expect(await app.strokeCount()).toBe(1);
  expect(await app.predictedDigit()).toBe(7);
  // A fresh context is created at once, so it is back on the GPU.
  await expect(app.backend).toHaveText('webgl');
  // And new drawing goes on being recognised.
  await app.clear();
  await app.drawNormalised(ONE);
  expect(await app.predictedDigit()).toBe(1);
});
