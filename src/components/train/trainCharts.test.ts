import { describe, expect, it } from 'vitest';
import { IDLE_RUN } from '../../train/nextRun';
import { accuracyChart, lossChart, MAX_BATCH_POINTS } from './trainCharts';
import { batchPoint, epochPoint, trainingRun } from './trainRunFixture';

describe('lossChart', () => {
  it('places batches within their epoch and epochs at their end', () => {
    const run = trainingRun(
      [batchPoint(1, 50, 2), batchPoint(1, 100, 1), batchPoint(2, 50, 0.5)],
      [epochPoint(1, 1000)],
    );
    const chart = lossChart(run);
    expect(chart.x).toEqual([0, 5]);
    expect(chart.y).toEqual([0, 2]);
    expect(chart.series[0]!.points).toEqual([
      { x: 0.5, y: 2 },
      { x: 1, y: 1 },
      { x: 1.5, y: 0.5 },
    ]);
    expect(chart.series[1]!.points).toEqual([{ x: 1, y: 0.3 }]);
    expect(chart.summary).toBe('Loss. Per batch, latest 0.500; Per epoch: 0.300.');
  });

  it('thins thousands of batches', () => {
    const batches = Array.from({ length: 1875 }, (_, b) => batchPoint(1, b + 1));
    expect(lossChart(trainingRun(batches, [], 1875)).series[0]!.points).toHaveLength(
      MAX_BATCH_POINTS,
    );
  });

  it('says so when there is nothing yet', () => {
    expect(lossChart(IDLE_RUN).summary).toBe('Loss. no figures yet.');
  });
});

describe('accuracyChart', () => {
  it('draws batch, epoch and validation accuracy on an axis that ends at 1', () => {
    const run = trainingRun([batchPoint(1, 100, 1, 0.85)], [epochPoint(1, 1000, 0.9)]);
    const chart = accuracyChart(run);
    expect(chart.y).toEqual([0.8, 1]);
    expect(chart.series.map((s) => s.kind)).toEqual(['batch', 'epoch', 'validation']);
    expect(chart.summary).toBe(
      'Accuracy. Per batch, latest 85.0%; Per epoch: 90.0%; Validation: 89.0%.',
    );
  });
});
