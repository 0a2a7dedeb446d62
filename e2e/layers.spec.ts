import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { composeNumbers, NUMBER_OPTIONS } from '../training/composeNumbers';
import { fitOnPad, placeOnPad } from '../training/padPlacement';
import { stratifiedSample } from '../training/stratifiedSample';
import { heldOutDigits } from '../training/strokeDigits';

// The Layers panel: every layer's output for the digit being read, from its own forward pass.

type TopologyLayer = { name: string; class_name: string; config: Record<string, unknown> };

/**
 * The layers the panel must show, worked out from model.json here (not by the app's code):
 * each convolution and pooling as height x width x channels, the flattened features, and
 * dense_1's ten logits.
 */
function expectedLayers(): { name: string; shape: string }[] {
  const json = JSON.parse(readFileSync('public/model/model.json', 'utf8'));
  const layers = json.modelTopology.config.layers as TopologyLayer[];
  let [h, w, c] = [28, 28, 1];
  const expected: { name: string; shape: string }[] = [];
  for (const { name, class_name: kind, config } of layers) {
    if (kind === 'Conv2D' || kind === 'MaxPooling2D') {
      const [kh, kw] = (config.kernel_size ?? config.pool_size) as number[];
      const [sh, sw] = (config.strides ?? [kh, kw]) as number[];
      const out = (n: number, k: number, s: number) =>
        config.padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
      [h, w, c] = [out(h, kh!, sh!), out(w, kw!, sw!), (config.filters as number) ?? c];
      expected.push({ name, shape: `${h}x${w}x${c}` });
    } else if (kind === 'Flatten') {
      expected.push({ name, shape: String(h * w * c) });
    } else if (name === 'dense_1') {
      expected.push({ name, shape: String(config.units) });
    }
  }
  return expected;
}

const channels = (shape: string) => Number(shape.split('x')[2] ?? 1);

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
  test(`on ${backend}, the open panel shows every layer of a drawn digit`, async ({ app }) => {
    await app.open(`./?backend=${backend}`);
    await expect(app.backend).toHaveText(backend);
    await expect(app.layersPanel.layers).toHaveCount(0); // closed by default
    await app.layersPanel.open();
    const [digit] = stratifiedSample(heldOutDigits(), 1).filter((d) => d.label === 8);
    const { side } = await app.padBox();
    await app.drawWithMouse(placeOnPad(digit!, side, 0), 1);
    await app.waitForDone();
    const expected = expectedLayers();
    await expect(app.layersPanel.layers).toHaveCount(expected.length);
    const layers = await app.layersPanel.summaries();
    expect(layers.map(({ name, shape }) => ({ name, shape }))).toEqual(expected);
    for (const layer of layers) {
      const maps = layer.shape.includes('x');
      expect(layer.canvases, layer.name).toBe(maps ? channels(layer.shape) : 1);
      expect(layer.painted, `${layer.name}: every canvas painted`).toBe(true);
      expect(layer.lit.every(Boolean) || maps, `${layer.name} shows its values`).toBe(true);
      if (!maps) continue;
      // A map is drawn lit exactly when its label says it has an activation above zero ...
      layer.peaks.forEach((peak, c) => expect(layer.lit[c], `${layer.name} ${c}`).toBe(peak > 0));
      // ... and a real digit lights most channels (ReLU leaves a few silent).
      const lit = layer.lit.filter(Boolean).length;
      console.log(`${backend} ${layer.name}: ${lit} of ${layer.canvases} maps lit`);
      expect(lit).toBeGreaterThan(layer.canvases / 2);
    }
    // The logits the panel lists are the pass's: their largest is the digit read.
    const logits = await app.layersPanel.element
      .locator('[data-testid="layer"][data-name="dense_1"] li')
      .allTextContents();
    const values = logits.map((text) => Number(text.trim().split(/\s+/)[1]));
    expect(values).toHaveLength(10);
    expect(values.indexOf(Math.max(...values))).toBe(await app.predictedDigit());
  });
}

test('the layers follow the drawing live and the chosen digit of a number', async ({ app }) => {
  await app.open();
  await app.layersPanel.open();
  // Apart and written digit by digit, so the first digit is its first strokes.
  const [number] = composeNumbers(heldOutDigits(), 1, 11, {
    ...NUMBER_OPTIONS,
    minDigits: 2,
    maxDigits: 2,
    touching: 0,
    lateStroke: 0,
  });
  const { width, height } = await app.padSize();
  const strokes = fitOnPad(number!.strokes, width, height);
  const firstDigit = number!.groups[0]!;
  // The first digit alone, then the whole number: the layers change with the drawing.
  await app.drawWithMouse(
    strokes.filter((_, i) => firstDigit.includes(i)),
    'coalesced',
  );
  await app.waitForDone();
  const first = await app.layersPanel.summaries();
  await app.drawWithMouse(
    strokes.filter((_, i) => !firstDigit.includes(i)),
    'coalesced',
  );
  await app.waitForNumberDone();
  await expect(app.number).toHaveAttribute('data-count', '2');
  const last = await app.layersPanel.summaries();
  expect(last[0]!.fingerprint).not.toBe(first[0]!.fingerprint);
  // Choosing the first digit shows its layers again: the same pixels as when it stood alone.
  await app.selectDigit(0);
  await app.waitForDone();
  await expect
    .poll(async () => (await app.layersPanel.summaries())[0]!.fingerprint)
    .toBe(first[0]!.fingerprint);
  // Closed, nothing of it stays on the page.
  await app.layersPanel.close();
  await expect(app.layersPanel.layers).toHaveCount(0);
});

test('a map enlarges beside its filter, by mouse and by keyboard', async ({ app, page }) => {
  await app.open();
  await app.layersPanel.open();
  const [digit] = stratifiedSample(heldOutDigits(), 1).filter((d) => d.label === 3);
  const { side } = await app.padBox();
  await app.drawWithMouse(placeOnPad(digit!, side, 0), 1);
  await app.waitForDone();
  const enlarged = page.getByTestId('layer-enlarged');
  await expect(enlarged).toHaveCount(0);

  // Channel counts worked out from model.json, as for the panel's layers above.
  const [conv1, conv2] = expectedLayers()
    .slice(0, 2)
    .map((l) => channels(l.shape)) as [number, number];

  // Keyboard: from the panel's title, Tab reaches the first map; Enter enlarges it.
  await app.layersPanel.element.locator('summary').focus();
  await page.keyboard.press('Tab');
  const firstMap = app.layersPanel.layers.first().getByRole('button').first();
  await expect(firstMap).toBeFocused();
  await expect(firstMap).toHaveAccessibleName(
    new RegExp(`^conv1, channel 1 of ${conv1}: strongest activation`),
  );
  await page.keyboard.press('Enter');
  await expect(firstMap).toHaveAttribute('aria-pressed', 'true');
  await expect(enlarged).toContainText(`conv1, channel 1 of ${conv1}`);
  // conv1 reads one input channel: one 5x5 tile of weights.
  await expect(enlarged.locator('.layer__tiles canvas')).toHaveCount(1);
  await expect(enlarged.locator('.layer__tiles canvas').first()).toHaveAttribute('width', '5');

  // Mouse: a map of conv2 replaces it, with one 3x3 tile per input channel (conv1's maps).
  const map = app.layersPanel.layers.nth(1).getByRole('button').nth(9);
  await map.click();
  await expect(enlarged).toHaveCount(1);
  await expect(enlarged).toContainText(`conv2, channel 10 of ${conv2}`);
  await expect(enlarged.locator('.layer__tiles canvas')).toHaveCount(conv1);
  await expect(firstMap).toHaveAttribute('aria-pressed', 'false');
  // The layer keeps one canvas per channel: the enlarged view sits beside it, not inside.
  expect((await app.layersPanel.summaries())[1]!.canvases).toBe(conv2);
  await enlarged.getByRole('button', { name: 'Close' }).click();
  await expect(enlarged).toHaveCount(0);
});
