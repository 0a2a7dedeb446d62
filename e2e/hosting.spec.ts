import { expect, test } from './fixtures';
import { ONE } from './support/strokes';

test('the same build works under a sub-path, loading everything relative to the page', async ({
  app,
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await app.open('/tools/digits/');
  await expect(app.backend).toHaveText('webgl');
  await app.drawNormalised(ONE);
  expect(await app.predictedDigit()).toBe(1);
  expect(requested.length).toBeGreaterThan(3);
  expect(requested.filter((p) => !p.startsWith('/tools/digits/'))).toEqual([]);
  expect(requested).toContain('/tools/digits/model/model.json');
});
