import { describe, expect, it } from 'vitest';
import { IDLE_RUN } from '../../train/nextRun';
import { meanEpochMs, progressPhrases, remainingMs, runProgress, stateText } from './trainProgress';
import { batchPoint, epochPoint, trainingRun } from './trainRunFixture';

describe('runProgress', () => {
  it('is nothing before the first batch', () => {
    expect(runProgress(IDLE_RUN)).toMatchObject({ epoch: 0, batch: 0, done: 0, fraction: 0 });
  });

  it('counts epochs and batches from 1, and the run from its batches', () => {
    const run = trainingRun([batchPoint(1, 100), batchPoint(2, 50)]);
    expect(runProgress(run)).toMatchObject({ epoch: 2, batch: 50, done: 150, fraction: 0.3 });
  });

  it('follows the download while downloading, and is whole when done', () => {
    const downloading = { ...IDLE_RUN, state: 'downloading' as const };
    expect(runProgress({ ...downloading, download: { loaded: 25, total: 100 } }).fraction).toBe(
      0.25,
    );
    expect(runProgress({ ...downloading, download: { loaded: 0, total: 0 } }).fraction).toBe(0);
    expect(runProgress({ ...trainingRun([batchPoint(1, 4)]), state: 'done' }).fraction).toBe(1);
  });
});

describe('remainingMs', () => {
  it('is unknown with nothing to go on', () => {
    expect(remainingMs(IDLE_RUN, 10)).toBeNull();
    expect(remainingMs(trainingRun([batchPoint(1, 10)]), null)).toBeNull();
  });

  it('uses the measured batch pace during the first epoch', () => {
    // 5 epochs x 100 batches, 10 done: 490 left at 20 ms.
    expect(remainingMs(trainingRun([batchPoint(1, 10)]), 20)).toBe(9_800);
  });

  it('uses the finished epochs mean pace once there is one', () => {
    const run = trainingRun(
      [batchPoint(2, 100), batchPoint(3, 50)],
      [epochPoint(1, 3_000), epochPoint(2, 1_000)],
    );
    expect(meanEpochMs(run)).toBe(2_000);
    // 250 done, 250 left at 2,000 / 100 ms; the live pace is ignored.
    expect(remainingMs(run, 1)).toBe(5_000);
  });
});

describe('stateText and progressPhrases', () => {
  it('word the download while downloading', () => {
    const run = {
      ...IDLE_RUN,
      state: 'downloading' as const,
      download: { loaded: 3_200_000, total: 11_000_000 },
    };
    expect(stateText(run)).toBe('Downloading MNIST: 3.2 MB of 11 MB');
    expect(progressPhrases(run, null)).toEqual([]);
  });

  it('word where training is, the epoch time and the time left', () => {
    const run = trainingRun([batchPoint(2, 50)], [epochPoint(1, 14_000)]);
    expect(stateText(run)).toBe('Training');
    expect(progressPhrases(run, null)).toEqual([
      'epoch 2 of 5',
      'batch 50 of 100',
      '14 s per epoch',
      'about 49 s left',
    ]);
    const last = trainingRun([batchPoint(5, 100)], [epochPoint(1, 14_000)]);
    expect(progressPhrases(last, null).at(-1)).toBe('measuring accuracy');
    expect(progressPhrases({ ...run, state: 'stopped' }, null)).toEqual([
      'epoch 2 of 5',
      'batch 50 of 100',
      '14 s per epoch',
    ]);
  });
});
