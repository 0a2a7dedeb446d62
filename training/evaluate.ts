import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS } from '../src/constants';
import type { Calibration } from '../src/model/modelFormat';
import { accuracyReport, formatReport, type AccuracyReport } from './confusion';
import { loadDrawings, renderDrawings } from './drawings';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { bytesToFloats, classesOf, predictOutputs } from './predict';
import { loadStrokeDigits, renderDigits, splitByWriter, STROKE_DIGITS_FILE } from './strokeDigits';
import { nonDigitReport, verdictReport, type VerdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';

const USAGE = `npm run eval -- [--model public/model/model.json] [--json]
npm run eval -- [--strokes FILE] [--writers held-out|all|tra-1,tra-2,...] [--json]
npm run eval -- --non-digits FILE [--json]
  either of --strokes, --writers measures stroke digits instead of MNIST test;
  FILE defaults to data/pendigits/pendigits-train.json, --writers to all.
  --non-digits FILE: drawings that are not digits (a JSON array of {"strokes": ...}); prints
  the share the page calls "not a digit".
  The report adds the page's verdict figures: ece, unsure, sureAccuracy, rejected.`;

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'public/model/model.json' },
    strokes: { type: 'string' },
    writers: { type: 'string' },
    'non-digits': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  await startWasmBackend();
  const { model, metadata } = await loadModelFile(resolve(args.model!));
  const calibration = metadata?.calibration;
  if (args['non-digits']) {
    const { images, count, empty } = renderDrawings(loadDrawings(args['non-digits']));
    const report = nonDigitReport(await predictOutputs(model, images, count), calibration);
    console.log(
      args.json
        ? JSON.stringify(report)
        : `${args['non-digits']}: ${pct(report.rejected)} of ${report.count} called not a digit` +
            (empty ? ` (${empty} empty drawings left out: the page shows nothing for them)` : ''),
    );
  } else {
    const { title, images, labels } =
      args.strokes || args.writers
        ? strokeSet(args.strokes ?? STROKE_DIGITS_FILE, args.writers ?? 'all')
        : mnistTestSet();
    const outputs = await predictOutputs(model, images, labels.length);
    const report = {
      ...accuracyReport(classesOf(outputs), labels),
      ...verdictReport(outputs, labels, calibration),
    };
    console.log(args.json ? JSON.stringify(report) : formatVerdicts(title, report, calibration));
  }
} catch (error) {
  console.error(`eval failed: ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function formatVerdicts(
  title: string,
  report: AccuracyReport & VerdictReport,
  calibration: Calibration | undefined,
): string {
  const verdicts = calibration
    ? `verdicts (temperature ${calibration.temperature.toFixed(3)}): sure ${pct(1 - report.unsure - report.rejected)} right ${pct(report.sureAccuracy)}; unsure ${pct(report.unsure)} (truth among the two offered ${pct(report.unsureTruthOffered)}); not a digit ${pct(report.rejected)}`
    : 'verdicts: none (the model has no calibration)';
  return `${formatReport(title, report)}\ncalibration error (ECE, 15 bins): ${pct(report.ece)}\n${verdicts}`;
}

function mnistTestSet() {
  const test = loadMnistSplit('t10k');
  return { title: 'MNIST test', images: bytesToFloats(test.images), labels: test.labels };
}

/** Stroke digits of the chosen writers, rendered through the app's own preprocessing. */
function strokeSet(path: string, writers: string) {
  const all = loadStrokeDigits(path);
  const digits =
    writers === 'all'
      ? all
      : splitByWriter(all, writers === 'held-out' ? HELD_OUT_WRITERS : writers.split(',')).heldOut;
  if (digits.length === 0) throw new Error(`no digits of writers ${writers} in ${path}`);
  return {
    title: `${relative(process.cwd(), path)} (writers: ${writers})`,
    ...renderDigits(digits),
  };
}
