import { describe, expect, it } from 'vitest';
import JOIN_MODEL from './joinModel.json';
import {
  apartFeatures,
  chooseSegments,
  JOIN_FEATURES,
  joinFeatures,
  joinLogOdds,
  planCandidates,
  planReading,
  wholeCandidate,
  type JoinModel,
  type JoinModels,
} from './segmentation';
import { FAR_ONE, L, line, none, sure, TOUCHING_ONE, UPRIGHT, ZERO } from './strokeFixtures';

/** A join model that looks at one feature only: log-odds = weight x feature + bias. */
function oneFeatureModel(feature: string, weight: number, bias: number): JoinModel {
  const n = JOIN_FEATURES.length;
  const weights = new Array<number>(n).fill(0);
  weights[JOIN_FEATURES.indexOf(feature)] = weight;
  return { mean: new Array(n).fill(0), scale: new Array(n).fill(1), weights, bias, threshold: 0 };
}
/** Geometry's merges always kept: log-odds 10, whatever the features. */
const KEEP_MERGES = oneFeatureModel('gap', 0, 10);
const joinsBy = (join: JoinModel): JoinModels => ({ join, merge: KEEP_MERGES });

describe('planReading', () => {
  it('offers neighbours that might be one digit as a join, and not those far apart', () => {
    const plan = planReading([L, UPRIGHT, FAR_ONE]);
    expect(plan.groups.map((g) => g.strokes)).toEqual([[0], [1], [2]]);
    expect(plan.joins.map((j) => [j.left, j.group.strokes])).toEqual([[0, [0, 1]]]);
    // Last, the whole drawing: three groups.
    expect(planCandidates(plan).map((c) => c.strokes)).toEqual([[0], [1], [2], [0, 1], [0, 1, 2]]);
    expect(plan.aparts).toEqual([]);
  });

  it("offers a group geometry merged apart too: its last merge's parts, after the joins", () => {
    const plan = planReading([ZERO, TOUCHING_ONE, FAR_ONE]);
    expect(plan.groups.map((g) => g.strokes)).toEqual([[0, 1], [2]]);
    expect(plan.joins).toEqual([]);
    expect(plan.aparts.map((a) => [a.group, a.parts.map((p) => p.strokes)])).toEqual([
      [0, [[0], [1]]],
    ]);
    expect(planCandidates(plan).map((c) => c.strokes)).toEqual([[0, 1], [2], [0], [1], [0, 1, 2]]);
  });

  it('offers every stroke as one candidate, last, only where geometry made two groups or more', () => {
    const plan = planReading([L, UPRIGHT, FAR_ONE]);
    expect(plan.whole?.strokes).toEqual([0, 1, 2]);
    expect(wholeCandidate(plan)).toBe(4);
    expect(planCandidates(plan)[wholeCandidate(plan)]).toBe(plan.whole);
    // One group (merged or not) is its own whole: nothing more to read.
    for (const strokes of [[FAR_ONE], [ZERO, TOUCHING_ONE]]) {
      const single = planReading(strokes);
      expect(single.whole).toBeNull();
      expect(wholeCandidate(single)).toBe(0);
      expect(planCandidates(single)[0]!.strokes).toEqual(strokes.map((_, i) => i));
    }
    expect(planReading([]).whole).toBeNull();
  });

  it('reads two groups offered joined once: their join is the whole', () => {
    const pair = planReading([L, UPRIGHT]);
    expect(pair.joins.map((j) => j.group.strokes)).toEqual([[0, 1]]);
    expect(pair.whole).toBeNull();
    expect(planCandidates(pair).map((c) => c.strokes)).toEqual([[0], [1], [0, 1]]);
    expect(wholeCandidate(pair)).toBe(2);
  });
});

describe('chooseSegments', () => {
  const plan = planReading([L, UPRIGHT, FAR_ONE]);

  it('joins when the join model says the two are one digit', () => {
    // The L alone is not a digit, the upright a 1, the two together a sure 4; "41" whole, none.
    const readings = [none, sure(1), sure(1), sure(4), none];
    const model = oneFeatureModel('joinedIsTwoStrokeDigit', 4, -2);
    expect(chooseSegments(plan, readings, joinsBy(model))).toEqual([3, 2]);
  });

  it('keeps the parts when it says they are not', () => {
    // The whole is never a segment of its own, however surely it reads (notANumber.ts uses it).
    const readings = [sure(6), sure(1), sure(1), sure(8), sure(8)];
    const model = oneFeatureModel('joinedIsTwoStrokeDigit', 4, -2);
    expect(chooseSegments(plan, readings, joinsBy(model))).toEqual([0, 1, 2]);
  });

  it('uses each group in one digit only, keeping the likelier of overlapping joins', () => {
    // Three uprights close together: joins (0,1) and (1,2) compete for the middle one.
    const three = planReading([
      line(0.1, 0.2, 0.1, 0.8),
      line(0.18, 0.2, 0.18, 0.8),
      line(0.26, 0.2, 0.26, 0.8),
    ]);
    expect(three.joins.map((j) => j.left)).toEqual([0, 1]);
    const readings = [sure(1), sure(1), sure(1), sure(4), { ...sure(4), notDigit: 0.5 }, none];
    // Log-odds rise with the join's likeness: the first join (notDigit 0) wins.
    const model = oneFeatureModel('joinedLikeness', 10, 5);
    expect(chooseSegments(three, readings, joinsBy(model))).toEqual([3, 2]);
  });

  it('reads a merged group apart when the merge model says it is two digits', () => {
    const merged = planReading([ZERO, TOUCHING_ONE, FAR_ONE]);
    // Log-odds 5 - 10 x (the merged group's not-a-digit probability).
    const merge = oneFeatureModel('joinedNotDigit', -10, 5);
    const models = { join: KEEP_MERGES, merge };
    // The group not a digit, its parts a sure 0 and a sure 1: 0, 1 and the far 1. (Last, the
    // drawing's whole, "01" and a far 1: not a digit.)
    expect(chooseSegments(merged, [none, sure(1), sure(0), sure(1), none], models)).toEqual([
      2, 3, 1,
    ]);
    // The merged group a sure 0 (say): kept as geometry merged it.
    expect(chooseSegments(merged, [sure(0), sure(1), sure(0), sure(1), none], models)).toEqual([
      0, 1,
    ]);
  });

  it('never undoes a merge into a piece that is not surely a digit (a cross, a letter)', () => {
    const merged = planReading([ZERO, TOUCHING_ONE, FAR_ONE]);
    const models = { join: KEEP_MERGES, merge: oneFeatureModel('joinedNotDigit', -10, 5) };
    // The merged group not a digit, as above, but one part not a digit either: kept whole.
    expect(chooseSegments(merged, [none, sure(1), none, sure(1), none], models)).toEqual([0, 1]);
    expect(chooseSegments(merged, [none, sure(1), sure(0), none, none], models)).toEqual([0, 1]);
    // Both parts digits, but one unsure (a letter R read as a 1 and a hesitant 9): kept whole.
    const hesitant = { ...sure(9), confidence: 0.7 };
    expect(chooseSegments(merged, [none, sure(1), sure(1), hesitant, none], models)).toEqual([
      0, 1,
    ]);
  });

  it('needs one reading per candidate', () => {
    expect(() => chooseSegments(plan, [sure(1)])).toThrow(/expected 5 readings/);
  });

  it('ships a join model fitted on the features the page computes', () => {
    expect(JOIN_MODEL.features).toEqual(JOIN_FEATURES);
    const features = joinFeatures(plan, 0, [none, sure(1), sure(1), sure(4), none]);
    const merged = planReading([ZERO, TOUCHING_ONE]);
    const apart = apartFeatures(merged, 0, [none, sure(0), sure(1)]);
    for (const [model, f] of [
      [JOIN_MODEL.join, features],
      [JOIN_MODEL.merge, apart],
    ] as const) {
      expect(f).toHaveLength(model.weights.length);
      expect(f.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(joinLogOdds(f, model))).toBe(true);
    }
  });
});
