import { describe, expect, it } from 'vitest';
import { isActive, meanEpochMs, remainingMs, runProgress } from './trainProgress';
import { batchPoint, EMPTY_RUN, epochPoint, trainingRun } from './trainRunFixture';

describe('runProgress', () => {
  it('is nothing before the first batch', () => {
    expect(runProgress(EMPTY_RUN)).toMatchObject({ epoch: 0, batch: 0, done: 0, fraction: 0 });
  });

  it('counts epochs and batches from 1, and the run from its batches', () => {
    const run = trainingRun([batchPoint(0, 99), batchPoint(1, 49)]);
    expect(runProgress(run)).toMatchObject({ epoch: 2, batch: 50, done: 150, fraction: 0.3 });
  });

  it('follows the download while downloading, and is whole when done', () => {
    const downloading = { ...EMPTY_RUN, state: 'downloading' as const };
    expect(runProgress({ ...downloading, download: { loaded: 25, total: 100 } }).fraction).toBe(
      0.25,
    );
    expect(runProgress({ ...downloading, download: { loaded: 0, total: 0 } }).fraction).toBe(0);
    expect(runProgress({ ...trainingRun([batchPoint(0, 3)]), state: 'done' }).fraction).toBe(1);
  });
});

describe('remainingMs', () => {
  it('is unknown with nothing to go on', () => {
    expect(remainingMs(EMPTY_RUN, 10)).toBeNull();
    expect(remainingMs(trainingRun([batchPoint(0, 9)]), null)).toBeNull();
  });

  it('uses the measured batch pace during the first epoch', () => {
    // 5 epochs x 100 batches, 10 done: 490 left at 20 ms.
    expect(remainingMs(trainingRun([batchPoint(0, 9)]), 20)).toBe(9_800);
  });

  it('uses the finished epochs mean pace once there is one', () => {
    const run = trainingRun(
      [batchPoint(1, 99), batchPoint(2, 49)],
      [epochPoint(0, 3_000), epochPoint(1, 1_000)],
    );
    expect(meanEpochMs(run)).toBe(2_000);
    // 250 done, 250 left at 2,000 / 100 ms; the live pace is ignored.
    expect(remainingMs(run, 1)).toBe(5_000);
  });
});

describe('isActive', () => {
  it('is true while the run holds a worker', () => {
    expect((['downloading', 'training', 'paused'] as const).every(isActive)).toBe(true);
    expect((['idle', 'done', 'stopped', 'error'] as const).some(isActive)).toBe(false);
  });
});
