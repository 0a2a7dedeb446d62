// What personal adaptation costs per prediction: the built app predicting held-out handwriting
// drawn with the mouse, with no kept examples and with the store full (500), on one backend.
//   npm run build && npx tsx scripts/personalCost.ts [--backend webgl|wasm|cpu] [--dist DIR]
// BENCH_PORT (default 4192) lets two checkouts measure side by side.
// Prints the median 'predict' (preprocess + inference + reading the outputs back) and
// 'adapt' (User Timing) durations, and their ratio to the predictions without kept examples.
// --dist another build (an older checkout's dist/) prints its 'predict' alone, for comparison.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { RecogniserPage } from '../e2e/support/RecogniserPage';
import { PERSONAL_CAPACITY } from '../src/personal/keepNewest';
import { STORE_FORMAT } from '../src/personal/personalStore';
import { chromiumLaunchOptions } from '../e2e/support/chromiumLaunchOptions';
import { startStaticServer } from '../e2e/support/serveStatic';
import { placeOnPad } from '../training/padPlacement';
import { stratifiedSample } from '../training/stratifiedSample';
import { heldOutDigits } from '../training/strokeDigits';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'webgl' },
    dist: { type: 'string', default: 'dist' },
    'per-class': { type: 'string', default: '3' },
  },
});
const metadata = JSON.parse(readFileSync('public/model/model.json', 'utf8')).userDefinedMetadata;
const model = `${metadata.architecture} ${metadata.training.date}`;
const sample = stratifiedSample(heldOutDigits(), Number(args['per-class']));

const port = Number(process.env.BENCH_PORT ?? 4192);
const server = await startStaticServer(args.dist!, port, ['/']);
const browser = await chromium.launch(chromiumLaunchOptions);
const context = await browser.newContext({ serviceWorkers: 'block' });
const app = new RecogniserPage(await context.newPage(), { timeout: 60_000 });
const url = `http://127.0.0.1:${port}/?backend=${args.backend}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
// The page's clock ticks in 0.1 ms steps: a mean of many ticks still sees what a median of
// 0.0s and 0.1s hides.
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Draws the sample; returns the median predict and adapt durations (ms) and their counts. */
async function measure() {
  const { side } = await app.padBox();
  await app.timings.takePredictMeasures();
  await app.page.evaluate(() => performance.clearMeasures('adapt'));
  for (const [i, digit] of sample.entries()) {
    await app.drawWithMouse(placeOnPad(digit, side, i), 1);
    await app.waitForDone();
    await app.clear();
  }
  const predict = await app.timings.takePredictMeasures();
  const adapt = await app.page.evaluate(() =>
    performance.getEntriesByName('adapt').map((e) => e.duration),
  );
  return {
    predict: median(predict),
    predictMean: mean(predict),
    n: predict.length,
    adapt: median(adapt),
    adaptMean: mean(adapt),
    m: adapt.length,
  };
}

/**
 * Fills the store with `count` examples whose logits point every which way, all near enough
 * to be compared in full. Sent as source text: tsx would wrap the functions of a
 * page.evaluate callback in __name().
 */
async function seed(count: number) {
  await app.page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('digit-recogniser-personal', ${STORE_FORMAT});
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['examples', 'meta'], 'readwrite');
    tx.objectStore('meta').put({ key: 'format', format: ${STORE_FORMAT} });
    let state = 1;
    for (let i = 0; i < ${count}; i++) {
      const logits = new Float32Array(10);
      for (let j = 0; j < logits.length; j++) {
        state = (state * 48271) % 2147483647;
        logits[j] = (state / 2147483647) * 20 - 10;
      }
      const example = { label: i % 10, input: new Float32Array(784), logits, time: i };
      tx.objectStore('examples').add({ format: ${STORE_FORMAT}, model: ${JSON.stringify(model)}, ...example });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  })()`);
}

try {
  await app.open(url);
  console.log(`backend ${await app.backendName()}, ${sample.length} digits per run, ${args.dist}`);
  const none = await measure();
  console.log(
    `no kept examples: predict median ${none.predict.toFixed(2)} ms, ` +
      `mean ${none.predictMean.toFixed(3)} ms (n=${none.n})`,
  );
  if (await app.personalPanel.count.count()) {
    await seed(PERSONAL_CAPACITY);
    await app.page.reload();
    await app.waitForModelReady();
    await app.personalPanel.count.filter({ hasText: String(PERSONAL_CAPACITY) }).waitFor();
    const full = await measure();
    const total = full.predict + full.adapt;
    const totalMean = full.predictMean + full.adaptMean;
    console.log(
      `${PERSONAL_CAPACITY} kept: predict median ${full.predict.toFixed(2)} ms, ` +
        `mean ${full.predictMean.toFixed(3)} ms (n=${full.n}), ` +
        `adapt median ${full.adapt.toFixed(2)} ms, mean ${full.adaptMean.toFixed(3)} ms ` +
        `(n=${full.m}); together ${(total / none.predict).toFixed(2)}x the predictions without ` +
        `kept examples (means: ${(totalMean / none.predictMean).toFixed(2)}x)`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
