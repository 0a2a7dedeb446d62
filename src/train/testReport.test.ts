import { describe, expect, it } from 'vitest';
import { INPUT_PIXELS } from '../constants';
import { MISREAD_PER_CELL, testReport } from './testReport';

describe('testReport', () => {
  it('counts per digit and per confusion cell, keeping a few misread images per cell', () => {
    const count = 20;
    const labels = Uint8Array.from({ length: count }, (_, i) => (i < 10 ? 3 : 5));
    const images = Uint8Array.from({ length: count * INPUT_PIXELS }, (_, i) =>
      Math.floor(i / INPUT_PIXELS),
    );
    // Every 3 read as 8, the 5s right.
    const digits = Int32Array.from(labels, (l) => (l === 3 ? 8 : l));
    const report = testReport({ images, labels, count }, digits, null);
    expect(report.accuracy).toBe(0.5);
    expect(report.perClass[3]).toEqual({ right: 0, total: 10 });
    expect(report.perClass[5]).toEqual({ right: 10, total: 10 });
    expect(report.perClass[0]).toEqual({ right: 0, total: 0 });
    expect(report.confusion[3]![8]).toBe(10);
    expect(report.confusion[5]![5]).toBe(10);
    expect(Object.keys(report.misread)).toEqual(['3,8']);
    const cell = report.misread['3,8']!;
    expect(cell).toHaveLength(MISREAD_PER_CELL);
    expect(cell[1]!.index).toBe(1);
    expect(cell[1]!.pixels).toHaveLength(INPUT_PIXELS);
    expect(cell[1]!.pixels[0]).toBe(1);
  });
});
