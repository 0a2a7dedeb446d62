import { NUM_CLASSES } from '../constants';
import { argMax } from '../model/softmax';
import { unitVector, type PersonalMemory } from './personalMemory';

/**
 * How kept examples move the ten digit logits. Drawings are compared by their logits' direction
 * (cosine): a correction marks how the network hesitates over one of the person's habits, and
 * the next drawing with that habit hesitates alike. Measured against the penultimate features
 * (npm run eval -- --adapt, docs in README): as many errors fixed or more, and the logits are
 * read back anyway, so comparing costs ten multiply-adds per kept example and no second read.
 * Each digit gains `weight * max(0, (similarity - threshold) / (1 - threshold))`: nothing
 * unless the drawing is closer to that digit's kept examples than `threshold`, so other
 * writers' and unrelated drawings keep the network's reading.
 */
export interface AdaptParams {
  /** 'knn': the nearest kept examples vote, each by its similarity; 'means': each digit's mean. */
  method: 'knn' | 'means';
  /** Neighbours that vote (knn). */
  k: number;
  /** Cosine similarity below which a kept example has no say. */
  threshold: number;
  /** Calibrated logit added at similarity 1 (raw: times the temperature). */
  weight: number;
  /**
   * Adapt only drawings whose top two calibrated logits are closer than this (absent: all).
   * Misreads are mostly drawings the network hesitates over; a confident read of someone
   * else's digit is left alone.
   */
  margin?: number;
  /**
   * A kept correction (truth T, the network read R) helps only a drawing the network reads as R
   * or T: the same hesitation, never a push towards a third digit.
   */
  pair?: boolean;
}

/**
 * Chosen on the validation writers and the training writers, never the held-out ones
 * (npm run eval -- --adapt --writers validation, then --writers training), with `fastwide`:
 * 5 -> 3 errors on validation (the other two are each the first of its kind, which no
 * correction can precede), 13 -> 10 on training. Weight and margin are in calibrated logits
 * (divided by the model's temperature), so they mean the same for every shipped model: with
 * `fastwide`'s temperature 1.06 they were 6 and 3 in its raw logits. The margin is about where
 * the page calls a two-way reading sure (ln(0.95 / 0.05) = 2.94); it fixed the same errors as no
 * margin and halved the harm to other training writers (-0.011 -> -0.006 points mean, -0.126 ->
 * -0.084 worst). The pair rule cost a fix on training (a 3 read as 8 after a 3 read as 2 was
 * corrected) and saved nothing, so it is off.
 */
export const ADAPT_PARAMS: AdaptParams = {
  method: 'knn',
  k: 1,
  threshold: 0.9,
  weight: 5.7,
  margin: 2.9,
};

/**
 * Logits this close to a kept example's are the same drawing again (the same input gives the
 * same logits on one backend): the person said what it is, so that digit is read whatever the
 * margin.
 */
export const SAME_DRAWING = 0.9999;

/**
 * One drawing's raw digit logits adapted to the kept examples, for a model calibrated with
 * `temperature`. With no kept examples the logits come back unchanged, bit for bit.
 */
export function adaptLogits(
  logits: ArrayLike<number>,
  memory: PersonalMemory,
  temperature: number,
  params: AdaptParams = ADAPT_PARAMS,
): number[] {
  const adapted = Array.from({ length: NUM_CLASSES }, (_, i) => logits[i]!);
  if (memory.size === 0) return adapted;
  const unit = unitVector(adapted);
  const top = argMax(adapted);
  const sure =
    params.margin !== undefined && topMargin(adapted, top) >= params.margin * temperature;
  const weight = params.weight * temperature;
  const gain = (similarity: number) =>
    weight * Math.max(0, (similarity - params.threshold) / (1 - params.threshold));
  if (params.method === 'means') {
    if (sure) return adapted;
    memory.means.forEach((mean, digit) => {
      if (mean) adapted[digit]! += gain(dot(unit, mean, 0));
    });
    return adapted;
  }
  // A sure drawing still looks for itself among the kept ones: the same drawing again is read
  // as corrected even when the network is sure of it.
  const neighbours = nearest(
    unit,
    memory,
    sure ? 1 : params.k,
    sure ? SAME_DRAWING : params.threshold,
    (i) => !params.pair || memory.reads[i] === top || memory.labels[i] === top,
  );
  if (!sure) {
    for (const { index, similarity } of neighbours) {
      adapted[memory.labels[index]!]! += gain(similarity);
    }
  }
  const closest = neighbours[0];
  if (closest && closest.similarity >= SAME_DRAWING) {
    const label = memory.labels[closest.index]!;
    const others = adapted.filter((_, digit) => digit !== label);
    adapted[label] = Math.max(adapted[label]!, Math.max(...others) + weight);
  }
  return adapted;
}

/** The k kept examples allowed a say most similar to `unit` and above `floor`, most similar first. */
function nearest(
  unit: Float32Array,
  memory: PersonalMemory,
  k: number,
  floor: number,
  allowed: (index: number) => boolean = () => true,
): { index: number; similarity: number }[] {
  const best: { index: number; similarity: number }[] = [];
  for (let i = 0; i < memory.size; i++) {
    if (!allowed(i)) continue;
    const similarity = dot(unit, memory.vectors, i * NUM_CLASSES);
    if (similarity <= floor) continue;
    if (best.length === k && similarity <= best[k - 1]!.similarity) continue;
    // Insertion into a short sorted list: k is a handful.
    let at = Math.min(best.length, k - 1);
    while (at > 0 && best[at - 1]!.similarity < similarity) at--;
    best.splice(at, 0, { index: i, similarity });
    if (best.length > k) best.pop();
  }
  return best;
}

/** The top logit minus the runner-up. */
function topMargin(logits: readonly number[], top: number): number {
  let second = -Infinity;
  logits.forEach((v, i) => {
    if (i !== top && v > second) second = v;
  });
  return logits[top]! - second;
}

/** a . b[offset .. offset + NUM_CLASSES]. */
function dot(a: Float32Array, b: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < NUM_CLASSES; i++) sum += a[i]! * b[offset + i]!;
  return sum;
}
