import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS } from '../src/constants';
import { formatReport, type AccuracyReport } from './confusion';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { bytesToFloats, measureAccuracy } from './predict';
import { loadStrokeDigits, renderDigits, splitByWriter, STROKE_DIGITS_FILE } from './strokeDigits';
import { startWasmBackend } from './wasmBackend';

const USAGE = `npm run eval -- [--model public/model/model.json] [--json]
npm run eval -- [--strokes FILE] [--writers held-out|all|tra-1,tra-2,...] [--json]
  either of --strokes, --writers measures stroke digits instead of MNIST test;
  FILE defaults to data/pendigits/pendigits-train.json, --writers to all`;

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'public/model/model.json' },
    strokes: { type: 'string' },
    writers: { type: 'string' },
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
  const { model } = await loadModelFile(resolve(args.model!));
  const { title, images, labels } =
    args.strokes || args.writers
      ? strokeSet(args.strokes ?? STROKE_DIGITS_FILE, args.writers ?? 'all')
      : mnistTestSet();
  const report: AccuracyReport = await measureAccuracy(model, { images, labels });
  console.log(args.json ? JSON.stringify(report) : formatReport(title, report));
} catch (error) {
  console.error(`eval failed: ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
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
