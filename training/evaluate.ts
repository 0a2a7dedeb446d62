import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS, INPUT_PIXELS } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { accuracyReport, formatReport, type AccuracyReport } from './confusion';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { loadStrokeDigits } from './pendigits';
import { bytesToFloats, predictClasses } from './predict';
import { startWasmBackend } from './wasmBackend';

const USAGE = `npm run eval -- [--model public/model/model.json] [--json]
npm run eval -- --strokes FILE [--writers held-out|all|tra-1,tra-2,...] [--json]`;

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'public/model/model.json' },
    strokes: { type: 'string' },
    writers: { type: 'string', default: 'all' },
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
  const { title, images, labels } = args.strokes ? strokeSet(args.strokes) : mnistTestSet();
  const report: AccuracyReport = accuracyReport(
    await predictClasses(model, images, labels.length),
    labels,
  );
  console.log(args.json ? JSON.stringify(report) : formatReport(title, report));
} catch (error) {
  console.error(`eval failed: ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

function mnistTestSet() {
  const test = loadMnistSplit('t10k');
  return { title: 'MNIST test', images: bytesToFloats(test.images), labels: test.labels };
}

/** Stroke digits rendered through the app's own preprocessing. */
function strokeSet(path: string) {
  const all = loadStrokeDigits(path);
  const wanted =
    args.writers === 'all'
      ? null
      : new Set(args.writers === 'held-out' ? HELD_OUT_WRITERS : args.writers!.split(','));
  const digits = wanted ? all.filter((d) => wanted.has(d.writer)) : all;
  if (digits.length === 0) throw new Error(`no digits of writers ${args.writers} in ${path}`);
  const rendered = digits.map((d) => ({ label: d.label, image: strokesToInput(d.strokes) }));
  const usable = rendered.filter((r) => r.image !== null);
  const images = new Float32Array(usable.length * INPUT_PIXELS);
  usable.forEach((r, i) => images.set(r.image!, i * INPUT_PIXELS));
  const skipped = rendered.length - usable.length;
  return {
    title: `${path} (writers: ${args.writers}${skipped ? `; ${skipped} empty drawings skipped` : ''})`,
    images,
    labels: Int32Array.from(usable, (r) => r.label),
  };
}
