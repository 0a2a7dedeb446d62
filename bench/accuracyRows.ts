// The bench table's accuracy rows: each model on MNIST, the held-out pen and UNIPEN writers,
// and its honest answers (calibration, verdicts, non-digits), as measured in Node.
import { signedPoints } from '../training/adaptationReport';
import { pct } from './format';
import type { Adaptation, ModelAccuracy } from './modelAccuracy';

export function accuracyRows(accuracy: readonly ModelAccuracy[]): [string, string][] {
  const shipped = accuracy.find((a) => a.shipped)!;
  return [
    ...accuracy.map((a): [string, string] => [
      `MNIST test, ${a.shipped ? 'shipped model' : a.path} (${a.architecture}, ${a.parameters.toLocaleString('en')} parameters)`,
      `${pct(a.mnist.accuracy)}; unseen writers in Node ${pct(a.writers.accuracy)} of ${a.writers.count}; ` +
        `UNIPEN held-out writers ${pct(a.unipen.accuracy)} of ${a.unipen.count}`,
    ]),
    [
      'UNIPEN held-out writers per site, shipped model (Node)',
      Object.entries(shipped.unipen.perSite)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([site, s]) => `${site} ${pct(s.accuracy)} of ${s.count}`)
        .join('; '),
    ],
    [
      'Adaptation, shipped model (npm run eval -- --adapt: each held-out writer corrects every misread)',
      shipped.adaptation
        ? `pen writers ${adaptationText(shipped.adaptation.pen)}; UNIPEN writers ${adaptationText(shipped.adaptation.unipen)}`
        : 'not measured',
    ],
    ...accuracy.map((a): [string, string] => [
      `Honest answers, ${a.shipped ? 'shipped model' : a.path}`,
      a.temperature === null
        ? `no calibration; ECE (15 bins) MNIST ${pct(a.mnist.ece)}, unseen writers ${pct(a.writers.ece)}`
        : `temperature ${a.temperature.toFixed(2)}; ECE MNIST ${pct(a.mnist.rawEce)} -> ${pct(a.mnist.ece)}, ` +
          `unseen writers ${pct(a.writers.rawEce)} -> ${pct(a.writers.ece)}; unseen writers: sure ` +
          `answers right ${pct(a.writers.sureAccuracy)}, unsure ${pct(a.writers.unsure)} (truth among ` +
          `the two offered ${pct(a.writers.unsureTruthOffered)}), real digits rejected ` +
          `${pct(a.writers.rejected)}; UNIPEN held-out writers: ECE ${pct(a.unipen.rawEce)} -> ` +
          `${pct(a.unipen.ece)}, sure answers right ${pct(a.unipen.sureAccuracy)}, unsure ` +
          `${pct(a.unipen.unsure)}, real digits rejected ${pct(a.unipen.rejected)}; MNIST test: sure ` +
          `answers right ${pct(a.mnist.sureAccuracy)}, unsure ${pct(a.mnist.unsure)}, rejected ` +
          `${pct(a.mnist.rejected)}; held-out non-digits rejected ${pct(a.nonDigitsRejected)}, ` +
          `UNIPEN held-out letters no digit resembles ${pct(a.lettersRejected)}`,
    ]),
  ];
}

/** Errors before and after, the teachable ones fixed, and what other writers pay. */
export function adaptationText(a: Adaptation): string {
  const fixed = a.errorsBaseline - a.errorsAdapted;
  // Misreads of a digit the writer had already corrected: what a correction can teach.
  const teachable = a.errorsBaseline - a.errorsUntaught;
  const share = teachable ? ` (${pct(fixed / teachable)})` : '';
  return (
    `errors ${a.errorsBaseline} -> ${a.errorsAdapted} of ${a.count}, ${fixed} fixed of ` +
    `${teachable} teachable${share}; other writers ${signedPoints(a.otherWriterDelta)} points mean, ` +
    `${signedPoints(a.worstOtherWriterDelta)} worst`
  );
}
