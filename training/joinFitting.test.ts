import { describe, expect, it } from 'vitest';
import JOIN_MODEL from '../src/number/joinModel.json';
import {
  chooseSegments,
  JOIN_FEATURES,
  joinFeatures,
  planReading,
} from '../src/number/segmentation';
import type { LogisticModel } from './fitLogistic';
import {
  bestThresholds,
  joinExamples,
  joinModelFile,
  splitErrors,
  THRESHOLDS,
} from './joinFitting';
import { FAR_ONE, L, none, sure, TOUCHING_ONE, UPRIGHT, ZERO } from '../src/number/strokeFixtures';

const n = JOIN_FEATURES.length;
/** Log-odds `bias` whatever the features, so a threshold alone decides. */
const constant = (bias: number): LogisticModel => ({
  mean: new Array<number>(n).fill(0),
  scale: new Array<number>(n).fill(1),
  weights: new Array<number>(n).fill(0),
  bias,
});

describe('joinExamples', () => {
  const fourThenOne = planReading([L, UPRIGHT, FAR_ONE]);
  const zeroOne = planReading([ZERO, TOUCHING_ONE, FAR_ONE]);
  // Each ends with the reading of the whole drawing (a number: not a digit).
  const readFour = [none, sure(1), sure(1), sure(4), none];
  const readZeroOne = [none, sure(1), sure(0), sure(1), none];

  it('labels a join 1 when its strokes are one digit of the number, whatever the order', () => {
    // "41": the 4's upright written after its L, and the truth listing them in another order.
    const examples = joinExamples(
      [{ groups: [[1, 0], [2]] }, { groups: [[0], [1], [2]] }],
      [
        { plan: fourThenOne, readings: readFour },
        { plan: fourThenOne, readings: readFour },
      ],
    );
    expect(examples.join.labels).toEqual([1, 0]);
    expect(examples.join.features).toEqual([
      joinFeatures(fourThenOne, 0, readFour),
      joinFeatures(fourThenOne, 0, readFour),
    ]);
    expect(examples.merge.labels).toEqual([]);
  });

  it('labels a merge 1 when the merged strokes are one digit, 0 when they are two', () => {
    const examples = joinExamples(
      [{ groups: [[0, 1], [2]] }, { groups: [[0], [1], [2]] }],
      [
        { plan: zeroOne, readings: readZeroOne },
        { plan: zeroOne, readings: readZeroOne },
      ],
    );
    expect(examples.merge.labels).toEqual([1, 0]);
    expect(examples.merge.features[0]).toHaveLength(n);
    expect(examples.join.labels).toEqual([]);
  });
});

describe('splitErrors', () => {
  const plan = planReading([L, UPRIGHT, FAR_ONE]);
  const read = { plan, readings: [none, sure(1), sure(1), sure(4), none] };
  // The L, the upright, and the two joined (the whole drawing).
  const single = { plan: planReading([L, UPRIGHT]), readings: [none, sure(1), sure(4)] };

  it('counts numbers and single digits read as the wrong number of digits', () => {
    const joins = {
      join: { ...constant(5), threshold: 0 },
      merge: { ...constant(5), threshold: 0 },
    };
    const apart = { ...joins, join: { ...constant(-5), threshold: 0 } };
    const numbers = [{ digits: [4, 1] }, { digits: [1, 1, 1] }];
    // Joined: "41" is right, "111" is not, the lone 4 is one digit.
    expect(splitErrors(joins, numbers, [read, read], [single])).toEqual({
      numbers: 0.5,
      singles: 0,
    });
    // Apart: the other way round, and the lone 4 splits in two.
    expect(splitErrors(apart, numbers, [read, read], [single])).toEqual({
      numbers: 0.5,
      singles: 1,
    });
  });
});

describe('bestThresholds', () => {
  const fitted = { join: constant(0), merge: constant(0) };

  it('picks the pair with the fewest errors, the first on a tie, and reports each improvement', () => {
    const seen: [number, number][] = [];
    const best = bestThresholds(
      fitted,
      // Errors fall to 0 at join 1 (any merge at or above 0.5), then stay there.
      ({ join, merge }) => ({
        numbers: Math.abs(join.threshold - 1),
        singles: merge.threshold >= 0.5 ? 0 : 0.1,
      }),
      (join, merge) => seen.push([join, merge]),
    );
    expect(best).toEqual({ join: 1, merge: 0.5 });
    expect(seen[0]).toEqual([THRESHOLDS[0], THRESHOLDS[0]]);
    expect(seen.at(-1)).toEqual([1, 0.5]);
  });
});

describe('joinModelFile', () => {
  const fitted = {
    join: { ...constant(0.123456789), weights: new Array<number>(n).fill(1 / 3) },
    merge: constant(-2),
  };
  const file = joinModelFile(fitted, { join: -0.5, merge: 0.5 }, 'test numbers');

  it('has the shape segmentation.ts reads, as the shipped file does', () => {
    expect(Object.keys(file)).toEqual(Object.keys(JOIN_MODEL));
    expect(Object.keys(file.join).sort()).toEqual(Object.keys(JOIN_MODEL.join).sort());
    expect(Object.keys(file.merge).sort()).toEqual(Object.keys(JOIN_MODEL.merge).sort());
    expect(file.features).toEqual(JOIN_FEATURES);
    expect(file.fittedOn).toBe('test numbers');
    for (const model of [file.join, file.merge]) {
      for (const xs of [model.mean, model.scale, model.weights]) expect(xs).toHaveLength(n);
    }
  });

  it('is read by the page: its thresholds decide', () => {
    const plan = planReading([L, UPRIGHT, FAR_ONE]);
    const readings = [none, sure(1), sure(1), sure(4), none];
    const constants = { join: constant(0.1), merge: constant(0) };
    // Log-odds 0.1: above a join threshold of 0 the 4 is joined, below 0.5 it is not.
    const at = (join: number) => joinModelFile(constants, { join, merge: 0 }, '');
    expect(chooseSegments(plan, readings, at(0))).toEqual([3, 2]);
    expect(chooseSegments(plan, readings, at(0.5))).toEqual([0, 1, 2]);
  });

  it('rounds to 6 significant digits and keeps the chosen thresholds', () => {
    expect(file.join.bias).toBe(0.123457);
    expect(file.join.weights[0]).toBe(0.333333);
    expect(file.join.threshold).toBe(-0.5);
    expect(file.merge.threshold).toBe(0.5);
  });
});
