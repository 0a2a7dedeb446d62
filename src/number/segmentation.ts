import type { Stroke } from '../strokes';
import { groupStrokes, joinGroups, mayJoin, type StrokeGroup } from './groupStrokes';
import JOIN_MODEL from './joinModel.json';

// Geometry alone cannot tell a 4 written as an L and an upright beside it from an L next to a
// 1, nor two touching digits from one. So the reading is planned in two parts: the groups
// geometry is sure of, and, for each pair of neighbouring groups that might be one digit, the
// pair joined. The model reads all of them in the one batched call; then a small logistic model
// (fitted by training/fitJoins.ts on numbers composed from the training writers' digits) weighs
// each possible join from its shape and from how the model read the parts and the whole, and
// the row keeps the joins whose log-odds clear the fitted threshold (at most one per group).

export interface ReadingPlan {
  /** The reference height H of the ink (see groupStrokes). */
  height: number;
  /** The groups geometry is sure of, left to right. */
  groups: StrokeGroup[];
  /** Neighbouring groups i and i + 1 joined, for each i where that might be one digit. */
  joins: { left: number; group: StrokeGroup }[];
}

/** Everything the model must read for this drawing: the groups, then the joins. */
export function planReading(strokes: readonly Stroke[]): ReadingPlan {
  const { groups, height } = groupStrokes(strokes);
  const joins: ReadingPlan['joins'] = [];
  for (let i = 0; i + 1 < groups.length; i++) {
    const [a, b] = [groups[i]!, groups[i + 1]!];
    if (mayJoin(a.bounds, b.bounds, height)) joins.push({ left: i, group: joinGroups(a, b) });
  }
  return { height, groups, joins };
}

/** The candidates in the order they go into the batch: the groups, then the joins. */
export function planCandidates(plan: ReadingPlan): StrokeGroup[] {
  return [...plan.groups, ...plan.joins.map((j) => j.group)];
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
  const [a, b] = [plan.groups[left]!, plan.groups[left + 1]!];
  const h = plan.height;
  const width = (g: StrokeGroup) => (g.bounds.maxX - g.bounds.minX) / h;
  const tall = (g: StrokeGroup) => (g.bounds.maxY - g.bounds.minY) / h;
  const gap = (Math.max(a.bounds.minX, b.bounds.minX) - Math.min(a.bounds.maxX, b.bounds.maxX)) / h;
  const [ra, rb] = [readings[left]!, readings[left + 1]!];
  const rj = readings[plan.groups.length + join]!;
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
];

/**
 * A fitted logistic model: features are standardised (mean, scale), then weighed. A join is
 * made when its log-odds exceed `threshold`, chosen with it on the training writers.
 */
export interface JoinModel {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
}

/** Log-odds that the join is one digit. */
export function joinLogOdds(features: readonly number[], model: JoinModel = JOIN_MODEL): number {
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
  model: JoinModel = JOIN_MODEL,
): number[] {
  const n = plan.groups.length;
  if (readings.length !== n + plan.joins.length) {
    throw new Error(`expected ${n + plan.joins.length} readings, got ${readings.length}`);
  }
  const joinAt = new Map(plan.joins.map((join, k) => [join.left, k]));
  // best[i]: the likeliest set of joins among the first i groups (sum of the joins' log-odds).
  const best: { score: number; last: number; from: number }[] = [{ score: 0, last: -1, from: 0 }];
  for (let i = 1; i <= n; i++) {
    best[i] = { score: best[i - 1]!.score, last: i - 1, from: i - 1 };
    const k = i >= 2 ? joinAt.get(i - 2) : undefined;
    if (k === undefined) continue;
    const odds = joinLogOdds(joinFeatures(plan, k, readings), model);
    const margin = odds - model.threshold;
    if (margin > 0 && best[i - 2]!.score + margin > best[i]!.score) {
      best[i] = { score: best[i - 2]!.score + margin, last: n + k, from: i - 2 };
    }
  }
  const chosen: number[] = [];
  for (let i = n; i > 0; i = best[i]!.from) chosen.push(best[i]!.last);
  return chosen.reverse();
}
