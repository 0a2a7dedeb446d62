import type { Stroke } from '../strokes';
import { groupStrokes, joinGroups, mayJoin, MIN_NARROW, type StrokeGroup } from './groupStrokes';
import JOIN_MODEL from './joinModel.json';

// Geometry alone cannot tell a 4 written as an L and an upright beside it from an L next to a
// 1, nor two touching digits from one. So the reading is planned in three parts: the groups
// geometry made; for each pair of neighbouring groups that might be one digit, the pair joined;
// and for each group geometry merged, the two parts its last merge joined, apart (a 1 touching
// a 7 overlaps it as a 7's stem would). The model reads all of them in the one batched call;
// then a small logistic model (fitted by training/fitJoins.ts on numbers composed from the
// training writers' digits) weighs each pair, joined or merged, from its shape and from how the
// model read the parts and the whole. The row keeps the joins whose log-odds clear the fitted
// threshold and undoes the merges whose log-odds fall below it, each group in one digit only.

export interface ReadingPlan {
  /** The reference height H of the ink (see groupStrokes). */
  height: number;
  /** The groups geometry is sure of, left to right. */
  groups: StrokeGroup[];
  /** Neighbouring groups i and i + 1 joined, for each i where that might be one digit. */
  joins: { left: number; group: StrokeGroup }[];
  /** Group i's two parts, for each group geometry merged: the model may read them apart. */
  aparts: { group: number; parts: [StrokeGroup, StrokeGroup] }[];
  /**
   * Every stroke as one candidate, when geometry made two groups or more and no join holds them
   * all already (one group is its own whole): what the page shows when the pieces are not a
   * number (notANumber.ts).
   */
  whole: StrokeGroup | null;
}

/** Everything the model must read for this drawing: the groups, then the joins. */
export function planReading(strokes: readonly Stroke[]): ReadingPlan {
  const { groups, height } = groupStrokes(strokes);
  const joins: ReadingPlan['joins'] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const [a, b] = [groups[i]!, groups[i + 1]!];
    if (mayJoin(a.bounds, b.bounds, height)) joins.push({ left: i, group: joinGroups(a, b) });
  }
  const aparts = groups.flatMap((g, group) => (g.parts ? [{ group, parts: g.parts }] : []));
  // Two groups offered joined already hold every stroke: the model need not read them twice.
  const whole =
    groups.length > 1 && !(groups.length === 2 && joins.length === 1)
      ? groups.reduce((a, b) => joinGroups(a, b))
      : null;
  return { height, groups, joins, aparts, whole };
}

/**
 * The candidates in the order they go into the batch: the groups, the joins, the parts, then
 * the whole drawing where it is not a group already.
 */
export function planCandidates(plan: ReadingPlan): StrokeGroup[] {
  return [
    ...plan.groups,
    ...plan.joins.map((j) => j.group),
    ...plan.aparts.flatMap((a) => a.parts),
    ...(plan.whole ? [plan.whole] : []),
  ];
}

/** The index in planCandidates of the candidate holding every stroke. */
export function wholeCandidate(plan: ReadingPlan): number {
  if (plan.whole) return planCandidates(plan).length - 1;
  // One group is its own whole; two offered joined have theirs among the joins.
  return plan.groups.length === 2 && plan.joins.length === 1 ? plan.groups.length : 0;
}

/** What the model said about one candidate. */
export interface CandidateReading {
  digit: number;
  confidence: number;
  notDigit: number | null;
}

/** Digits people often write in two strokes: a join read as one of these is plausible. */
const TWO_STROKE_DIGITS = new Set([4, 5, 7]);

/** log(top probability x (1 - not a digit)): near 0 for a clear digit, very negative for none. */
export function digitLikeness({ confidence, notDigit }: CandidateReading): number {
  return Math.log(Math.max(1e-9, confidence * (1 - (notDigit ?? 0))));
}

/** The features of joining groups `left` and `left + 1`, in the order JOIN_FEATURES names. */
export function joinFeatures(
  plan: ReadingPlan,
  join: number,
  readings: readonly CandidateReading[],
): number[] {
  const { left, group } = plan.joins[join]!;
  const n = plan.groups.length;
  const pair = { a: plan.groups[left]!, b: plan.groups[left + 1]!, group };
  const read = { a: readings[left]!, b: readings[left + 1]!, group: readings[n + join]! };
  return pairFeatures(pair, read, plan.height);
}

/** The features of group `aparts[k].group` as one digit rather than its two parts. */
export function apartFeatures(
  plan: ReadingPlan,
  k: number,
  readings: readonly CandidateReading[],
): number[] {
  const { group, parts } = plan.aparts[k]!;
  const first = plan.groups.length + plan.joins.length + 2 * k;
  const pair = { a: parts[0], b: parts[1], group: plan.groups[group]! };
  const read = { a: readings[first]!, b: readings[first + 1]!, group: readings[group]! };
  return pairFeatures(pair, read, plan.height);
}

/** Two neighbouring pieces of ink and the two as one: the features, as JOIN_FEATURES names. */
function pairFeatures(
  { a, b, group }: Record<'a' | 'b' | 'group', StrokeGroup>,
  { a: ra, b: rb, group: rj }: Record<'a' | 'b' | 'group', CandidateReading>,
  h: number,
): number[] {
  const width = (g: StrokeGroup) => (g.bounds.maxX - g.bounds.minX) / h;
  const tall = (g: StrokeGroup) => (g.bounds.maxY - g.bounds.minY) / h;
  const gap = (Math.max(a.bounds.minX, b.bounds.minX) - Math.min(a.bounds.maxX, b.bounds.maxX)) / h;
  const [la, lb, lj] = [digitLikeness(ra), digitLikeness(rb), digitLikeness(rj)];
  return [
    gap,
    width(group),
    Math.min(width(a), width(b)),
    Math.max(width(a), width(b)),
    Math.min(tall(a), tall(b)),
    Math.max(tall(a), tall(b)),
    lj - la - lb,
    lj,
    Math.min(la, lb),
    rj.notDigit ?? 0,
    Math.max(ra.notDigit ?? 0, rb.notDigit ?? 0),
    TWO_STROKE_DIGITS.has(rj.digit) ? 1 : 0,
    ra.digit === 1 || rb.digit === 1 ? 1 : 0,
    // Digits side by side share a baseline and a top line; a digit's parts mostly do not.
    Math.abs(a.bounds.maxY - b.bounds.maxY) / h,
    Math.abs(a.bounds.minY - b.bounds.minY) / h,
    // How far they overlap, as a share of the narrower: a 4's upright crosses its whole bar, a
    // 1 touching a 6 only its edge.
    Math.max(0, -gap) / Math.max(MIN_NARROW, Math.min(width(a), width(b))),
  ];
}

export const JOIN_FEATURES = [
  'gap',
  'joinedWidth',
  'narrowerWidth',
  'widerWidth',
  'lowerHeight',
  'tallerHeight',
  'likenessGain',
  'joinedLikeness',
  'worsePartLikeness',
  'joinedNotDigit',
  'partsNotDigit',
  'joinedIsTwoStrokeDigit',
  'partIsOne',
  'bottomOffset',
  'topOffset',
  'overlapShare',
];

/**
 * A fitted logistic model: features are standardised (mean, scale), then weighed. Two pieces
 * are read as one digit when its log-odds exceed `threshold`, chosen with it on the training
 * writers.
 */
export interface JoinModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
}

/**
 * One model for neighbours geometry left apart, one for the parts it merged: the two are
 * different populations (a merge is nearly always right, a join seldom), and a feature weighs
 * differently in each (a 1 beside an L is a 4's upright; a 1 overlapping a 6 is not).
 */
export interface JoinModels {
  join: JoinModel;
  merge: JoinModel;
}

const SHIPPED: JoinModels = JOIN_MODEL;

/** Below this not-a-digit probability a part counts as a digit (the page's own threshold). */
const PART_NOT_DIGIT = 0.5;
/**
 * A part must be read at least this surely to stand as a digit of its own: a letter R came
 * apart into an unsure 1 and 9. Numbers of the training, validation and held-out writers
 * (training/numbersReport.ts, 2,000 each) read the same with it as without.
 */
const PART_CONFIDENCE = 0.9;

/** Whether both parts of merge `k` read surely as digits (not-a-digit, where the model has it, below its threshold). */
function bothDigits(plan: ReadingPlan, k: number, readings: readonly CandidateReading[]): boolean {
  const first = plan.groups.length + plan.joins.length + 2 * k;
  return [readings[first]!, readings[first + 1]!].every(
    (r) => (r.notDigit === null || r.notDigit < PART_NOT_DIGIT) && r.confidence >= PART_CONFIDENCE,
  );
}

/** Log-odds that the two pieces are one digit. */
export function joinLogOdds(features: readonly number[], model: JoinModel): number {
  return features.reduce(
    (sum, x, i) => sum + (model.weights[i]! * (x - model.mean[i]!)) / model.scale[i]!,
    model.bias,
  );
}

/**
 * The reading of the row: left to right, the index into planCandidates of each digit read.
 * `readings` follows planCandidates' order.
 */
export function chooseSegments(
  plan: ReadingPlan,
  readings: readonly CandidateReading[],
  models: JoinModels = SHIPPED,
): number[] {
  const n = plan.groups.length;
  const count = planCandidates(plan).length;
  if (readings.length !== count)
    throw new Error(`expected ${count} readings, got ${readings.length}`);
  const joinAt = new Map(plan.joins.map((join, k) => [join.left, k]));
  const apartAt = new Map(plan.aparts.map((apart, k) => [apart.group, k]));
  // best[i]: the likeliest reading of the first i groups (the sum of the margins by which its
  // joins and undone merges clear the threshold), its last digits and where they start.
  const best: { score: number; last: number[]; from: number }[] = [{ score: 0, last: [], from: 0 }];
  for (let i = 1; i <= n; i++) {
    best[i] = { score: best[i - 1]!.score, last: [i - 1], from: i - 1 };
    const a = apartAt.get(i - 1);
    // A merge is undone only into two sure digits: a letter or a shape (a cross, hatching, an
    // R) merged whole must not come apart into digits and pieces (the merge model saw digits).
    if (a !== undefined && bothDigits(plan, a, readings)) {
      const { merge } = models;
      const margin = merge.threshold - joinLogOdds(apartFeatures(plan, a, readings), merge);
      const first = n + plan.joins.length + 2 * a;
      if (margin > 0)
        best[i] = { score: best[i - 1]!.score + margin, last: [first, first + 1], from: i - 1 };
    }
    const k = i >= 2 ? joinAt.get(i - 2) : undefined;
    if (k === undefined) continue;
    const { join } = models;
    const margin = joinLogOdds(joinFeatures(plan, k, readings), join) - join.threshold;
    if (margin > 0 && best[i - 2]!.score + margin > best[i]!.score) {
      best[i] = { score: best[i - 2]!.score + margin, last: [n + k], from: i - 2 };
    }
  }
  const chosen: number[] = [];
  for (let i = n; i > 0; i = best[i]!.from) chosen.unshift(...best[i]!.last);
  return chosen;
}
