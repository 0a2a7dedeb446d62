import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HELD_OUT_WRITERS, VALIDATION_WRITERS } from '../src/constants';
import type { Calibration } from '../src/model/modelFormat';
import { accuracyReport, formatReport, type AccuracyReport } from './confusion';
import { loadDrawings, renderDrawings } from './drawings';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { bytesToFloats, classesOf, predictOutputs } from './predict';
import {
  loadStrokeDigits,
  renderDigits,
  splitByWriter,
  STROKE_DIGITS_FILE,
  type StrokeDigit,
} from './strokeDigits';
import { nonDigitReport, verdictReport, type VerdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';
import { forwardModel } from '../src/model/forwardModel';
import { adaptationReport, formatAdaptation, parseKeep, parseVariant } from './adaptationReport';
import { DEFAULT_SIMULATION } from './adaptSimulation';
import { PAGE_VARIANT } from './adaptVariants';

const USAGE = `npm run eval -- [--model public/model/model.json] [--json]
npm run eval -- [--strokes FILE] [--writers held-out|all|tra-1,tra-2,...] [--json]
npm run eval -- --non-digits FILE [--json]
npm run eval -- --adapt [--strokes FILE] [--writers held-out|validation|training|tra-1,...]
                [--keep corrections|all] [--method means|knn] [--k N] [--threshold C] [--weight W]
                [--margin M|none] [--pair|--no-pair] [--json]
  either of --strokes, --writers measures stroke digits instead of MNIST test;
  FILE defaults to data/pendigits/pendigits-train.json, --writers to all.
  --non-digits FILE: drawings that are not digits (a JSON array of {"strokes": ...}); prints
  the share the page calls "not a digit".
  The report adds the page's verdict figures: ece, unsure, sureAccuracy, rejected.
  --adapt: replays each writer's digits (a fixed shuffle) through the page's personal
  adaptation, correcting every misread (--keep all: also keeping every right answer, as if
  confirmed), each writer from the shipped model; prints errors without and with adaptation and
  the accuracy change on the other writers' digits with each writer's store. --writers defaults
  to held-out; validation is ${VALIDATION_WRITERS.join(', ')}; training is every writer in
  neither. The method's parameters default
  to the page's (src/personal/adaptLogits.ts; the other methods: training/adaptVariants.ts).`;

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    model: { type: 'string', default: 'public/model/model.json' },
    strokes: { type: 'string' },
    writers: { type: 'string' },
    'non-digits': { type: 'string' },
    adapt: { type: 'boolean', default: false },
    keep: { type: 'string', default: 'corrections' },
    method: { type: 'string', default: PAGE_VARIANT.method },
    k: { type: 'string', default: String(PAGE_VARIANT.k) },
    threshold: { type: 'string', default: String(PAGE_VARIANT.threshold) },
    weight: { type: 'string', default: String(PAGE_VARIANT.weight) },
    margin: { type: 'string', default: String(PAGE_VARIANT.margin ?? 'none') },
    pair: { type: 'boolean', default: PAGE_VARIANT.pair ?? false },
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
  const { model, metadata, artifacts } = await loadModelFile(resolve(args.model!));
  const calibration = metadata?.calibration;
  if (args.adapt) {
    const path = args.strokes ?? STROKE_DIGITS_FILE;
    const writers = args.writers ?? 'held-out';
    const report = await adaptationReport(forwardModel(artifacts), digitsOf(path, writers), {
      ...DEFAULT_SIMULATION,
      keep: parseKeep(args.keep!),
      temperature: calibration?.temperature ?? 1,
      params: parseVariant({
        method: args.method!,
        k: args.k!,
        threshold: args.threshold!,
        weight: args.weight!,
        margin: args.margin!,
        pair: args.pair!,
      }),
    });
    console.log(args.json ? JSON.stringify(report) : formatAdaptation(path, writers, report));
  } else if (args['non-digits']) {
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

/** The stroke digits of the chosen writers: all, held-out, validation or a list. */
function digitsOf(path: string, writers: string): StrokeDigit[] {
  const all = loadStrokeDigits(path);
  const notTrained = new Set([...HELD_OUT_WRITERS, ...VALIDATION_WRITERS]);
  const named: Record<string, readonly string[]> = {
    'held-out': HELD_OUT_WRITERS,
    validation: VALIDATION_WRITERS,
    training: [...new Set(all.map((d) => d.writer))].filter((w) => !notTrained.has(w)),
  };
  const digits =
    writers === 'all' ? all : splitByWriter(all, named[writers] ?? writers.split(',')).heldOut;
  if (digits.length === 0) throw new Error(`no digits of writers ${writers} in ${path}`);
  return digits;
}

/** Stroke digits of the chosen writers, rendered through the app's own preprocessing. */
function strokeSet(path: string, writers: string) {
  const digits = digitsOf(path, writers);
  return {
    title: `${relative(process.cwd(), path)} (writers: ${writers})`,
    ...renderDigits(digits),
  };
}
