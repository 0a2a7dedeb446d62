import type { Page } from '@playwright/test';
import { readOutputs } from '../src/usermodel/conventions';
import {
  BROKEN_FIXTURES,
  GOOD_FIXTURES,
  fixturePath,
  type BrokenProblem,
  type GoodFixture,
} from '../training/userModelFixtures/fixtureCatalog';
import { flatten, referencePredict } from '../training/userModelFixtures/referencePredict';
import { expect, test } from './fixtures';
import type { RecogniserPage } from './support/RecogniserPage';
import { serveUserModels } from './support/serveUserModels';
import { ONE, SEVEN } from './support/strokes';

// A person's own converted model beside the shipped one (issue 25): every fixture in
// e2e/user-models/ is loaded as a person would, and its bars are checked against tfjs in Node
// fed exactly the tensor the page says it fed (the request body in the Model panel).

/** How far the page's probabilities may be from Node's: float32 on another backend. */
const TOLERANCE = 1e-4;

const conventionValue = ({ convention: c }: GoodFixture) => `${c.range} ${c.polarity} ${c.output}`;

/** The largest difference between the page's bars and Node's reading of the tensor fed. */
async function differenceFromNode(app: RecogniserPage, fixture: GoodFixture): Promise<number> {
  const fed = await app.userModel.fedTensor();
  const outputs = await referencePredict(fixture.dir, fed);
  const reference = readOutputs(outputs, fixture.convention.output);
  const shown = await app.userModel.probabilities();
  return Math.max(...shown.map((p, d) => Math.abs(p - reference[d]!)));
}

/** What the page says of a fixture once loaded: as the catalog says, guessed right. */
async function expectLoaded(app: RecogniserPage, fixture: GoodFixture): Promise<void> {
  expect(await app.userModel.waitForReady(), fixture.dir).toEqual({
    format: fixture.format,
    inputShape: fixture.inputShape.join(','),
    output: fixture.convention.output,
  });
  expect(await app.userModel.chosenConvention(), fixture.dir).toBe(conventionValue(fixture));
  // The signature shown is the loaded model's, in TF Serving's metadata shape.
  const metadata = JSON.parse((await app.userModel.signature.textContent()) ?? '');
  const inputs = Object.values(
    metadata.metadata.signature_def.signature_def.serving_default.inputs,
  ) as { tensor_shape: { dim: { size: string }[] } }[];
  expect(inputs[0]!.tensor_shape.dim.map((d) => Number(d.size))).toEqual(fixture.inputShape);
}

test('each good model, picked as files, answers beside the shipped one as tfjs in Node does', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await app.open();
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
  const tensors = await app.modelPanel.tensorCount();
  const figures: string[] = [];
  for (const fixture of GOOD_FIXTURES) {
    await app.userModel.pickFolder(fixturePath(fixture.dir));
    await expectLoaded(app, fixture);
    await app.userModel.waitForAnswer();
    expect(await differenceFromNode(app, fixture), fixture.dir).toBeLessThanOrEqual(TOLERANCE);
    // The shipped model's answer and bars are still its own.
    expect(await app.predictedDigit()).toBe(7);
    const first = await app.userModel.latencies();
    // Drawn again: the latency of a model past its first reading of a drawing.
    await app.clear();
    await app.drawNormalised(SEVEN);
    await app.waitForDone();
    const digit = await app.userModel.waitForAnswer();
    const again = await app.userModel.latencies();
    figures.push(
      `${fixture.dir}: reads ${digit}; ms first ${first.yours}, again ${again.yours} (shipped ${again.shipped})`,
    );
    await app.userModel.remove();
  }
  test.info().annotations.push({ type: 'latency', description: figures.join('\n') });
  console.log(figures.join('\n'));
  // Six models loaded and removed: no tensor left behind.
  await app.clear();
  await app.drawNormalised(SEVEN);
  await app.waitForDone();
  expect(await app.modelPanel.tensorCount()).toBe(tensors);
});

test.describe('by URL', () => {
  // Requests a service worker passes on are not routed: the fixtures are served by page.route.
  test.use({ serviceWorkers: 'block' });

  // Every good fixture on wasm (the default page's backend here), and a graph model on WebGL
  // too (the full kernel set loaded for it).
  for (const { dir, backend } of [
    { dir: 'cnn-graph', backend: 'webgl' },
    ...GOOD_FIXTURES.map(({ dir }) => ({ dir, backend: 'wasm' })),
  ]) {
    test(`?model= loads ${dir} relative to the page on ${backend}, and it reads each digit of a number`, async ({
      app,
      page,
    }) => {
      const fixture = GOOD_FIXTURES.find((f) => f.dir === dir)!;
      await serveUserModels(page);
      await app.open(`./?backend=${backend}&model=user-models/${dir}/model.json`);
      expect(await app.backendName()).toBe(backend);
      await expectLoaded(app, fixture);
      await app.drawNormalised(ONE);
      await app.drawNormalised(SEVEN.map((s) => s.map(([x, y]) => [x + 1, y] as const)));
      expect(await app.numberCount()).toBe(2);
      await app.userModel.waitForAnswer();
      const value = (await app.userModel.prediction.getAttribute('data-value')) ?? '';
      expect(value).toHaveLength(2);
      // The bars are the chosen digit's: the last written by default, then the first.
      expect(await app.userModel.waitForAnswer()).toBe(Number(value[1]));
      expect(await differenceFromNode(app, fixture)).toBeLessThanOrEqual(TOLERANCE);
      await app.selectDigit(0);
      expect(await app.userModel.waitForAnswer()).toBe(Number(value[0]));
      expect(await differenceFromNode(app, fixture)).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

test('a kept model loads at start with the network off, and Remove takes it away', async ({
  app,
  page,
  context,
}) => {
  const fixture = GOOD_FIXTURES.find((f) => f.dir === 'cnn-layers')!;
  await app.open('/tools/digits/');
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await app.userModel.pickFolder(fixturePath(fixture.dir));
  await expectLoaded(app, fixture);
  await app.userModel.keep();

  await context.setOffline(true);
  await page.reload();
  await app.waitForModelReady();
  await expectLoaded(app, fixture);
  await expect(app.userModel.status).toHaveAttribute('data-kept', 'true');
  await app.drawNormalised(SEVEN);
  await app.userModel.waitForAnswer();
  expect(await differenceFromNode(app, fixture)).toBeLessThanOrEqual(TOLERANCE);

  await app.userModel.remove();
  await page.reload();
  await app.waitForModelReady();
  await app.drawNormalised(SEVEN);
  expect(await app.predictedDigit()).toBe(7);
  await expect(app.userModel.status).toHaveCount(0);
  expect(await keptModels(page)).toBe(0);
  await context.setOffline(false);
});

/** How many models the page keeps in IndexedDB. */
function keptModels(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('digit-recogniser-user-models');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('models', 'readonly');
    const count = await new Promise<number>((resolve) => {
      const request = tx.objectStore('models').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });
}

test('files dropped on the pad load; the convention chosen for a model is remembered for it', async ({
  app,
  page,
}) => {
  const fixture = GOOD_FIXTURES.find((f) => f.dir === 'dense-graph-255-inverted')!;
  await app.open();
  await app.userModel.dropFolder(fixturePath(fixture.dir), app.padArea);
  await expectLoaded(app, fixture);
  // The Layers panel says whose layers it shows.
  await expect(page.getByTestId('layers-note')).toHaveCount(1);
  await app.drawNormalised(SEVEN);
  await app.userModel.waitForAnswer();
  const largestFed = async () => Math.max(...flatten(await app.userModel.fedTensor()).values);
  // Guessed: 0..255, black on white, so the blank background is fed as 255.
  expect(await largestFed()).toBe(255);
  const pageOwn = '0..1 white-on-black probabilities';
  await app.userModel.chooseConvention(pageOwn);
  await expect(app.userModel.status).toHaveAttribute('data-output', 'probabilities');
  await expect.poll(largestFed).toBeLessThanOrEqual(1);
  await app.userModel.waitForAnswer();

  await app.userModel.remove();
  await expect(page.getByTestId('layers-note')).toHaveCount(0);
  await page.reload();
  await app.waitForModelReady();
  await app.userModel.pickFolder(fixturePath(fixture.dir));
  await app.userModel.waitForReady();
  expect(await app.userModel.chosenConvention()).toBe(pageOwn);
});

/** What each problem's message names (the whole messages are loadUserModel's to word). */
const SAYS: Record<BrokenProblem, RegExp> = {
  'not-tfjs': /is not a tfjs model/,
  'missing-shard': /group1-shard2of2\.bin is missing/,
  'short-shard': /too short/,
  'wrong-input': /\[-1, 32, 32, 1\], not one 28x28 image/,
  'wrong-output': /not ten digit classes/,
  'unsupported-op': /FancyCustomOp/,
  'nan-output': /NaN/,
};

test('each broken model is refused in words, and the shipped model keeps answering', async ({
  app,
}) => {
  test.setTimeout(150_000);
  await app.open();
  for (const fixture of BROKEN_FIXTURES) {
    await app.userModel.pickFolder(fixturePath(fixture.dir));
    expect(await app.userModel.waitForError(), fixture.dir).toMatch(SAYS[fixture.problem]);
    await app.drawNormalised(SEVEN);
    expect(await app.predictedDigit(), fixture.dir).toBe(7);
    await expect(app.userModel.prediction).toHaveCount(0);
    await app.userModel.remove();
    await app.clear();
  }
});
