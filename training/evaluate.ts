import { relative, resolve } from 'node:path';
import { VALIDATION_WRITERS } from '../src/constants';
import { forwardModel } from '../src/model/forwardModel';
import type { Calibration } from '../src/model/modelFormat';
import { adaptationReport, formatAdaptation } from './adaptationReport';
import { DEFAULT_SIMULATION } from './adaptSimulation';
import { accuracyReport, formatReport, type AccuracyReport } from './confusion';
import { renderDrawings } from './drawings';
import { loadNonDigitDrawings } from './nonDigitDrawings';
import { DIGIT_LIKE_LETTERS } from './unipen';
import { digitsOfWriters, parseEvalOptions } from './evalOptions';
import { FlagError } from './flags';
import { loadModelFile } from './loadModelFile';
import { loadMnistSplit } from './mnist';
import { bytesToFloats, classesOf, predictOutputs } from './predict';
import { loadStrokeDigits, renderDigits, type StrokeDigit } from './strokeDigits';
import { nonDigitReport, verdictReport, type VerdictReport } from './verdictReport';
import { startWasmBackend } from './wasmBackend';
import { WRITER_SETS } from './writers';

const USAGE = `npm run eval -- [--model DIR|DIR/model.json] [--json]   (default public/model)
npm run eval -- [--strokes FILE] [--writers ${WRITER_SETS.join('|')}|tra-1,tra-2,...] [--json]
npm run eval -- --non-digits FILE [--writers SET|ids] [--json]
npm run eval -- --adapt [--strokes FILE] [--writers SET|tra-1,...]
                [--keep corrections|all] [--method means|knn] [--k N] [--threshold C] [--weight W]
                [--margin M|none] [--pair|--no-pair] [--json]
  either of --strokes, --writers measures stroke digits instead of MNIST test;
  FILE defaults to data/pendigits/pendigits-train.json, --writers to all.
  --non-digits FILE: drawings that are not digits (a JSON array of {"strokes": ...}); prints
  the share the page calls "not a digit"; --writers keeps those writers' drawings (files whose
  records name writers, such as data/unipen/unipen-letters.json.gz); letters a digit resembles
  are left out.
  The report adds the page's verdict figures: ece, unsure, sureAccuracy, rejected.
  --adapt: replays each writer's digits (a fixed shuffle) through the page's personal
  adaptation, correcting every misread (--keep all: also keeping every right answer, as if
  confirmed), each writer from the shipped model; prints errors without and with adaptation and
  the accuracy change on the other writers' digits with each writer's store. --writers defaults
  to held-out; validation is ${VALIDATION_WRITERS.join(', ')}; training is every writer in
  neither. The method's parameters default
  to the page's (src/personal/adaptLogits.ts; the other methods: training/adaptVariants.ts).`;

const options = parseOrExit(process.argv.slice(2));
if (options === 'help') {
  console.log(USAGE);
  process.exit(0);
}

try {
  await startWasmBackend();
  const { model, metadata, artifacts } = await loadModelFile(resolve(options.modelPath));
  const calibration = metadata?.calibration;
  if (options.mode === 'adapt') {
    const { strokesFile: path, writers, adapt } = options;
    const report = await adaptationReport(forwardModel(artifacts), digitsOf(path, writers), {
      ...DEFAULT_SIMULATION,
      keep: adapt.keep,
      temperature: calibration?.temperature ?? 1,
      params: adapt.variant,
    });
    console.log(options.json ? JSON.stringify(report) : formatAdaptation(path, writers, report));
  } else if (options.mode === 'non-digits') {
    const file = options.nonDigitsFile;
    const drawings = nonDigitDrawings(file, options.writers);
    const { images, count, empty } = renderDrawings(drawings.strokes);
    const report = nonDigitReport(await predictOutputs(model, images, count), calibration);
    console.log(
      options.json
        ? JSON.stringify(report)
        : `${file}${drawings.title}: ${pct(report.rejected)} of ${report.count} called not a digit` +
            (empty ? ` (${empty} empty drawings left out: the page shows nothing for them)` : ''),
    );
  } else {
    const { title, images, labels } =
      options.mode === 'strokes' ? strokeSet(options.strokesFile, options.writers) : mnistTestSet();
    const outputs = await predictOutputs(model, images, labels.length);
    const report = {
      ...accuracyReport(classesOf(outputs), labels),
      ...verdictReport(outputs, labels, calibration),
    };
    console.log(options.json ? JSON.stringify(report) : formatVerdicts(title, report, calibration));
  }
} catch (error) {
  if (error instanceof FlagError) fail(error.message);
  console.error(`eval failed: ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

function parseOrExit(argv: string[]): ReturnType<typeof parseEvalOptions> {
  try {
    return parseEvalOptions(argv);
  } catch (error) {
    if (error instanceof FlagError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
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

/** The drawings of a non-digit file (loadNonDigitDrawings), and what the title says of them. */
function nonDigitDrawings(path: string, writers: string | null) {
  const drawings = loadNonDigitDrawings(path, writers);
  const parts = [
    writers === null ? '' : `writers: ${writers}`,
    drawings.some((d) => d.symbol !== undefined)
      ? `letters that no digit resembles (not ${DIGIT_LIKE_LETTERS})`
      : '',
  ].filter(Boolean);
  return {
    strokes: drawings.map((d) => d.strokes),
    title: parts.length ? ` (${parts.join('; ')})` : '',
  };
}

/** The stroke digits of the chosen writers (digitsOfWriters); none is an error. */
function digitsOf(path: string, writers: string): StrokeDigit[] {
  const digits = digitsOfWriters(loadStrokeDigits(path), writers);
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
