import type { TrainRun } from '../../train/trainProtocol';
import { accuracyDomain, lossDomain, thin, type Point } from './chartScale';
import { formatPercent } from './trainFormat';
import { batchesDone } from './trainProgress';

// What the loss and accuracy charts draw, and the sentence that says it to a screen reader.
// x is in epochs: batch b of epoch e (both from 1) ends at e - 1 + b / batches per epoch.

export type SeriesKind = 'batch' | 'epoch' | 'validation';

export interface ChartSeries {
  kind: SeriesKind;
  label: string;
  points: Point[];
}

export interface ChartData {
  title: string;
  x: [number, number];
  y: [number, number];
  series: ChartSeries[];
  /** A y value as the summary writes it. */
  format: (y: number) => string;
  /** A y tick as the axis writes it (ticks are round: fewer digits). */
  tickFormat: (y: number) => string;
  /** The chart in words (its aria-label). */
  summary: string;
}

/** Batch points drawn at most: one per two pixels of a wide chart. */
export const MAX_BATCH_POINTS = 300;

function batchSeries(run: TrainRun, pick: 'loss' | 'accuracy'): Point[] {
  const perEpoch = run.batchesPerEpoch ?? 1;
  const points = run.batches.map((p) => ({ x: batchesDone(p, perEpoch) / perEpoch, y: p[pick] }));
  return thin(points, MAX_BATCH_POINTS);
}

function epochSeries(run: TrainRun, pick: 'loss' | 'accuracy' | 'validationAccuracy'): Point[] {
  return run.epochs.map((p) => ({ x: p.epoch, y: p[pick] }));
}

function xDomain(run: TrainRun): [number, number] {
  return [0, Math.max(1, run.settings?.epochs ?? run.epochs.length)];
}

/** "latest batch 0.123; per epoch 0.41, 0.22" or "no figures yet". */
function inWords(series: ChartSeries[], format: (y: number) => string): string {
  const parts = series
    .filter((s) => s.points.length > 0)
    .map((s) =>
      s.kind === 'batch'
        ? `${s.label}, latest ${format(s.points.at(-1)!.y)}`
        : `${s.label}: ${s.points.map((p) => format(p.y)).join(', ')}`,
    );
  return parts.length ? parts.join('; ') : 'no figures yet';
}

const lossFormat = (y: number) => (Number.isFinite(y) ? y.toFixed(3) : 'not a number');

export function lossChart(run: TrainRun): ChartData {
  const series: ChartSeries[] = [
    { kind: 'batch', label: 'Per batch', points: batchSeries(run, 'loss') },
    { kind: 'epoch', label: 'Per epoch', points: epochSeries(run, 'loss') },
  ];
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  return {
    title: 'Loss',
    x: xDomain(run),
    y: lossDomain(values),
    series,
    format: lossFormat,
    tickFormat: String,
    summary: `Loss. ${inWords(series, lossFormat)}.`,
  };
}

const accuracyFormat = (y: number) => formatPercent(y, 1);

export function accuracyChart(run: TrainRun): ChartData {
  const series: ChartSeries[] = [
    { kind: 'batch', label: 'Per batch', points: batchSeries(run, 'accuracy') },
    { kind: 'epoch', label: 'Per epoch', points: epochSeries(run, 'accuracy') },
    { kind: 'validation', label: 'Validation', points: epochSeries(run, 'validationAccuracy') },
  ];
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  return {
    title: 'Accuracy',
    x: xDomain(run),
    y: accuracyDomain(values),
    series,
    format: accuracyFormat,
    tickFormat: (y) => formatPercent(y, 0),
    summary: `Accuracy. ${inWords(series, accuracyFormat)}.`,
  };
}
