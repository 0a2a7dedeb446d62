import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIMULATION,
  simulateWriter,
  simulateWriters,
  type SeenDigit,
} from './adaptSimulation';

/** Logits that read `read` by `margin` over `second`, everything else far below. */
function logits(read: number, second: number, margin: number): number[] {
  const l = Array.from({ length: 10 }, () => -5);
  l[read] = margin;
  l[second] = 0;
  return l;
}

const digit = (label: number, l: number[], writer = 'w'): SeenDigit => ({
  writer,
  label,
  logits: l,
});

describe('simulateWriter', () => {
  it('fixes the repeat of a corrected habit, not its first occurrence', () => {
    const hesitantFour = logits(9, 4, 1); // a 4 the network reads as 9, unsure
    const run = simulateWriter(
      [digit(4, hesitantFour), digit(7, logits(7, 1, 8)), digit(4, hesitantFour)],
      DEFAULT_SIMULATION,
    );
    expect(run).toMatchObject({ errorsBaseline: 2, errorsAdapted: 1, errorsUntaught: 1 });
    expect(run.kept.map((k) => k.label)).toEqual([4]);
  });

  it('counts a misread as untaught until the writer has corrected that digit', () => {
    // A 3 read as 9 after only a 4 was corrected: nothing kept raises 3, so nothing can fix it.
    const run = simulateWriter(
      [digit(4, logits(9, 4, 1)), digit(3, logits(9, 3, 1)), digit(3, logits(9, 3, 1))],
      DEFAULT_SIMULATION,
    );
    expect(run).toMatchObject({ errorsBaseline: 3, errorsAdapted: 2, errorsUntaught: 2 });
  });

  it('keeps every digit with keep all, right answers too', () => {
    const run = simulateWriter([digit(7, logits(7, 1, 8)), digit(1, logits(1, 7, 8))], {
      ...DEFAULT_SIMULATION,
      keep: 'all',
    });
    expect(run).toMatchObject({ errorsBaseline: 0, errorsAdapted: 0, errorsUntaught: 0 });
    expect(run.kept).toHaveLength(2);
  });
});

describe('simulateWriters', () => {
  it('sums the writers and gives the reduction and its ceiling', () => {
    const hesitantFour = logits(9, 4, 1);
    const report = simulateWriters(
      new Map([
        ['a', [digit(4, hesitantFour, 'a'), digit(4, hesitantFour, 'a')]],
        ['b', [digit(2, logits(7, 2, 1), 'b'), digit(5, logits(5, 6, 8), 'b')]],
      ]),
      DEFAULT_SIMULATION,
    );
    expect(report).toMatchObject({
      count: 4,
      errorsBaseline: 3,
      errorsAdapted: 2,
      errorsUntaught: 2,
    });
    expect(report.reduction).toBeCloseTo(1 / 3);
    expect(report.reductionCeiling).toBeCloseTo(1 / 3);
    // Writer a's kept 4 leaves b's confident 5 and its 7 alone.
    expect(report.perWriter.find((w) => w.writer === 'a')!.otherWriterDelta).toBe(0);
  });
});
