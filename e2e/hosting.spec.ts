import { expect, test } from './fixtures';

test('the same build works under a sub-path, loading everything relative to the page', async ({
  app,
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await app.open('/tools/digits/');
  await expect(app.backend).toHaveText('webgl');
  await app.drawNormalised([
    [
      [0.5, 0.2],
      [0.5, 0.8],
    ],
  ]);
  expect(await app.predictedDigit()).toBe('1');
  expect(requested.length).toBeGreaterThan(3);
  expect(requested.filter((p) => !p.startsWith('/tools/digits/'))).toEqual([]);
  expect(requested).toContain('/tools/digits/model/model.json');
});
