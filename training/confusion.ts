import { NUM_CLASSES } from '../src/constants';

/** The report `npm run eval -- --json` prints. confusion[true][predicted]. */
export interface AccuracyReport {
  accuracy: number;
  count: number;
  perClass: number[];
  confusion: number[][];
}

export function accuracyReport(
  predicted: ArrayLike<number>,
  labels: ArrayLike<number>,
): AccuracyReport {
  if (predicted.length !== labels.length) {
    throw new Error(`${predicted.length} predictions for ${labels.length} labels`);
  }
  const confusion = Array.from({ length: NUM_CLASSES }, () =>
    new Array<number>(NUM_CLASSES).fill(0),
  );
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const truth = labels[i]!;
    const guess = predicted[i]!;
    confusion[truth]![guess]!++;
    if (truth === guess) correct++;
  }
  const perClass = confusion.map((row, digit) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total ? row[digit]! / total : 0;
  });
  return {
    accuracy: labels.length ? correct / labels.length : 0,
    count: labels.length,
    perClass,
    confusion,
  };
}

/** A readable table: overall and per-class accuracy, then the confusion matrix. */
export function formatReport(title: string, report: AccuracyReport): string {
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  const lines = [
    `${title}: ${pct(report.accuracy)} of ${report.count}`,
    `per class: ${report.perClass.map((v, d) => `${d} ${pct(v)}`).join('  ')}`,
    'confusion (rows: true digit, columns: predicted)',
    `      ${Array.from({ length: NUM_CLASSES }, (_, d) => String(d).padStart(5)).join('')}`,
    ...report.confusion.map(
      (row, d) => `  ${d}:  ${row.map((n) => String(n).padStart(5)).join('')}`,
    ),
  ];
  return lines.join('\n');
}
