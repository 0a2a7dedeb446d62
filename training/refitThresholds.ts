// Refits a trained model's verdict thresholds on validation only (never held-out writers):
//   npx tsx training/refitThresholds.ts DIR                  prints, per target, each validation
//                                                            source's sure accuracy and unsure
//   npx tsx training/refitThresholds.ts DIR --write 0.998    writes the thresholds of that target
// The sure threshold of a target is the highest of the three sources' own (chooseThresholds on
// MNIST validation, the pen validation writers, UNIPEN's validation writers), so each source's
// sure answers reach the target on validation; the temperature and the not-a-digit threshold
// stay as training fitted them on all three together. Never writes public/model/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Calibration } from '../src/model/modelFormat';
import { MODEL_JSON } from './exportModel';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit, splitValidation } from './mnist';
import { bytesToFloats, predictOutputs, type LabelledInputs } from './predict';
import { unipenData, writerDigits } from './runDigits';
import { renderDigits } from './strokeDigits';
import { chooseThresholds } from './thresholds';
import { parseTrainOptions } from './trainOptions';
import { readings, verdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';

const TARGETS = [0.999, 0.998, 0.997, 0.996, 0.995, 0.994, 0.993, 0.99];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { write: { type: 'string' } },
});
const dir = positionals[0];
if (!dir || resolve(dir) === resolve('public/model')) {
  console.error(
    'usage: npx tsx training/refitThresholds.ts DIR [--write TARGET] (not public/model)',
  );
  process.exit(2);
}
await startWasmBackend();
const path = join(dir, MODEL_JSON);
const { model, metadata } = await loadModelFile(path);
const fitted = metadata?.calibration;
if (!fitted) throw new Error(`${path} has no calibration to refit`);

// The validation sets exactly as training made them (train.ts): same writers, same renderings.
const options = parseTrainOptions(['--unipen', '1'], new Date());
if (options === 'help') throw new Error('unreachable');
const mnist = splitValidation(loadMnistSplit('train')).validation;
const sources: [string, LabelledInputs][] = [
  ['MNIST validation', { images: bytesToFloats(mnist.images), labels: mnist.labels }],
  ['pen validation writers', renderDigits(writerDigits(options).validation)],
  ['UNIPEN validation writers', renderDigits(unipenData(options).validation)],
];
const outputs = await Promise.all(
  sources.map(([, set]) => predictOutputs(model, set.images, set.labels.length)),
);

/** The calibration whose sure threshold lets each source reach `target` on validation. */
function calibrationFor(target: number): Calibration {
  const sure = Math.max(
    ...sources.map(([, set], i) => {
      // The digits the fitted not-a-digit threshold lets through, as chooseThresholds sees them.
      const read = readings(outputs[i]!, fitted);
      const kept = read.flatMap((r, j) =>
        (r.notDigit ?? 0) < fitted!.thresholds.notDigit ? [j] : [],
      );
      return chooseThresholds(
        kept.map((j) => ({ ...read[j]!, notDigit: 0 })),
        kept.map((j) => set.labels[j]!),
        { sureAccuracy: target, maxRejected: 0 },
      ).sure;
    }),
  );
  return { ...fitted!, thresholds: { ...fitted!.thresholds, sure } };
}

const describe = (calibration: Calibration) =>
  sources
    .map(([name, set], i) => {
      const r = verdictReport(outputs[i]!, set.labels, calibration);
      return `${name}: sure right ${(r.sureAccuracy * 100).toFixed(2)}%, unsure ${(r.unsure * 100).toFixed(2)}%, rejected ${(r.rejected * 100).toFixed(2)}%`;
    })
    .join('; ');

console.log(`as trained (sure ${fitted.thresholds.sure.toFixed(4)}): ${describe(fitted)}`);
for (const target of TARGETS) {
  const calibration = calibrationFor(target);
  console.log(
    `target ${target} (sure ${calibration.thresholds.sure.toFixed(4)}): ${describe(calibration)}`,
  );
}
if (values.write) {
  const target = Number(values.write);
  const calibration = {
    ...calibrationFor(target),
    fittedOn: `${fitted.fittedOn}; sure threshold refitted for ${target} sure accuracy on each source (training/refitThresholds.ts)`,
  };
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    userDefinedMetadata: { calibration: Calibration };
  };
  json.userDefinedMetadata.calibration = calibration;
  writeFileSync(path, JSON.stringify(json));
  console.log(`wrote ${path}: ${JSON.stringify(calibration.thresholds)}`);
}
