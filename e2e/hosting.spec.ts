import { expect, test } from './fixtures';
import { ONE } from './support/strokes';

// The default page runs wasm here (its chunk and binary come from under the sub-path too).
for (const { query, backend } of [
  { query: '', backend: 'wasm' },
  { query: '?backend=webgl', backend: 'webgl' },
]) {
  test(`the same build works under a sub-path on ${backend}, loading everything relative to the page`, async ({
    app,
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await app.open(`/tools/digits/${query}`);
    await expect(app.backend).toHaveText(backend);
    await app.drawNormalised(ONE);
    expect(await app.predictedDigit()).toBe(1);
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.filter((p) => !p.startsWith('/tools/digits/'))).toEqual([]);
    expect(requested).toContain('/tools/digits/model/model.json');
  });
}
