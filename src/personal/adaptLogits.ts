import { NUM_CLASSES } from '../constants';
import { argMax } from '../model/softmax';
import { unitVector, type PersonalMemory } from './personalMemory';

/**
 * How kept examples move the ten digit logits. Drawings are compared by their logits' direction
 * (cosine): a correction marks how the network hesitates over one of the person's habits, and
 * the next drawing with that habit hesitates alike. The logits are read back anyway, so
 * comparing costs ten multiply-adds per kept example and no second read. The nearest kept
 * example's digit gains `weight * max(0, (similarity - threshold) / (1 - threshold))`: nothing
 * unless the drawing is closer to it than `threshold`, so other writers' and unrelated drawings
 * keep the network's reading. The variants only the evaluation tries (class means, k > 1, the
 * pair rule, no margin) are in training/adaptVariants.ts.
 */
export interface AdaptParams {
  /** Cosine similarity below which a kept example has no say. */
  threshold: number;
  /** Calibrated logit added at similarity 1 (raw: times the temperature). */
  weight: number;
  /**
   * Adapt only drawings whose top two calibrated logits are closer than this. Misreads are
   * mostly drawings the network hesitates over; a confident read of someone else's digit is
   * left alone.
   */
  margin: number;
}

/**
 * Chosen on writers never held out (npm run eval -- --adapt --writers validation, then
 * training; with --strokes data/unipen/unipen-1a-digits.json.gz the same for UNIPEN's writers).
 * On the model shipped before 2026-12-03: of 36 combinations (threshold 0.8-0.9, weight 5.7-12,
 * margin 2.9-6 or none), 0.85 / 12 / 4 fixed the most errors a correction could teach on
 * UNIPEN's validation writers (45 -> 32 of 1,533; 13 of 29) while other writers lost under 0.1
 * points. Refitted for the model shipped 2026-12-03 (fine-tuned with UNIPEN's training writers)
 * on UNIPEN's validation and training writers, whose teachable errors are 16 and 57: of 17
 * combinations (threshold 0.8-0.95, weight 12 or 18, margin 2-4), 0.9 / 12 / 3 fixed the most
 * over both (7 and 33; 0.85 / 12 / 4, the page's before, 9 and 26) while other writers
 * lost little (-0.012 and -0.013 points mean, worst -0.36; 0.85 / 12 / 4: -0.047 and
 * -0.057, worst -1.09). A higher threshold spares other writers more but fixes fewer (0.95:
 * 4 and 28). The pen writers' validation and training errors (1 and 7) leave nothing to choose.
 * Weight and margin are in calibrated logits (divided by the model's temperature), so they mean
 * the same for every shipped model. A larger weight with no margin fixed no more and cost other
 * writers up to 0.27 points: the margin keeps a confident read of someone else's digit as it is.
 */
export const ADAPT_PARAMS: AdaptParams = {
  threshold: 0.9,
  weight: 12,
  margin: 3,
};

/**
 * Logits this close to a kept example's are the same drawing again (the same input gives the
 * same logits on one backend): the person said what it is, so that digit is read whatever the
 * margin.
 */
export const SAME_DRAWING = 0.9999;

/** A kept example and its similarity to the drawing. */
export interface Neighbour {
  index: number;
  similarity: number;
}

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
  const sure = topMargin(adapted, argMax(adapted)) >= params.margin * temperature;
  const weight = params.weight * temperature;
  // A sure drawing still looks for itself among the kept ones: the same drawing again is read
  // as corrected even when the network is sure of it.
  const closest = nearest(unit, memory, sure ? SAME_DRAWING : params.threshold);
  if (!closest) return adapted;
  if (!sure) adapted[memory.labels[closest.index]!]! += gain(closest.similarity, params, weight);
  readSameDrawing(adapted, memory, closest, weight);
  return adapted;
}

/** What a kept example this similar adds to its digit's raw logit. */
export function gain(
  similarity: number,
  { threshold }: Pick<AdaptParams, 'threshold'>,
  weight: number,
): number {
  return weight * Math.max(0, (similarity - threshold) / (1 - threshold));
}

/** If `closest` is the same drawing again, its kept digit leads the others by `weight`. */
export function readSameDrawing(
  adapted: number[],
  memory: PersonalMemory,
  closest: Neighbour,
  weight: number,
): void {
  if (closest.similarity < SAME_DRAWING) return;
  const label = memory.labels[closest.index]!;
  const others = adapted.filter((_, digit) => digit !== label);
  adapted[label] = Math.max(adapted[label]!, Math.max(...others) + weight);
}

/** The kept example most similar to `unit` and above `floor` (the oldest of equals), if any. */
function nearest(unit: Float32Array, memory: PersonalMemory, floor: number): Neighbour | null {
  let best: Neighbour | null = null;
  for (let i = 0; i < memory.size; i++) {
    const similarity = similarityTo(unit, memory, i);
    if (similarity > floor && (!best || similarity > best.similarity)) {
      best = { index: i, similarity };
    }
  }
  return best;
}

/** The top logit minus the runner-up. */
export function topMargin(logits: readonly number[], top: number): number {
  let second = -Infinity;
  logits.forEach((v, i) => {
    if (i !== top && v > second) second = v;
  });
  return logits[top]! - second;
}

/** Cosine similarity of the unit vector `unit` and kept example `index`. */
export function similarityTo(unit: Float32Array, memory: PersonalMemory, index: number): number {
  return dot(unit, memory.vectors, index * NUM_CLASSES);
}

/** a . b[offset .. offset + NUM_CLASSES]. */
export function dot(a: Float32Array, b: Float32Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < NUM_CLASSES; i++) sum += a[i]! * b[offset + i]!;
  return sum;
}
