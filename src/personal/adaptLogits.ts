import { NUM_CLASSES } from '../constants';
import { unitVector, type PersonalMemory } from './personalMemory';

/**
 * How kept examples move the ten digit logits. Each digit gains
 * `weight * max(0, (similarity - threshold) / (1 - threshold))`: nothing unless the drawing's
 * features are closer to that digit's kept examples than `threshold` (cosine), so other
 * writers' and unrelated drawings keep the network's reading.
 */
export interface AdaptParams {
  /** 'knn': the nearest kept examples vote, each by its similarity; 'means': each digit's mean. */
  method: 'knn' | 'means';
  /** Neighbours that vote (knn). */
  k: number;
  /** Cosine similarity below which a kept example has no say. */
  threshold: number;
  /** Logit added at similarity 1. */
  weight: number;
}

/**
 * Chosen on the validation writers (npm run eval -- --adapt --writers validation): the best
 * there, k 1 at 0.7 made no errors where the network made 5, and helped other writers' digits.
 */
export const ADAPT_PARAMS: AdaptParams = { method: 'knn', k: 1, threshold: 0.7, weight: 4 };

/**
 * Features this close to a kept example's are the same drawing again (a redraw by hand is
 * about 0.9 at best): the person said what it is, so that digit is read whatever the margin.
 */
export const SAME_DRAWING = 0.99;

/**
 * One drawing's digit logits adapted to the kept examples, from the same forward pass's
 * penultimate features. With no kept examples the logits come back unchanged, bit for bit.
 */
export function adaptLogits(
  logits: ArrayLike<number>,
  features: ArrayLike<number>,
  memory: PersonalMemory,
  params: AdaptParams = ADAPT_PARAMS,
): number[] {
  const adapted = Array.from({ length: NUM_CLASSES }, (_, i) => logits[i]!);
  if (memory.size === 0) return adapted;
  if (features.length !== memory.featureSize) throw new Error('features do not fit the memory');
  const unit = unitVector(features);
  // ReLU features are mostly zeros: comparing over the nonzero ones alone is the same sum,
  // about three times faster.
  const nonzero = nonzeroIndices(unit);
  const gain = (similarity: number) =>
    params.weight * Math.max(0, (similarity - params.threshold) / (1 - params.threshold));
  if (params.method === 'means') {
    memory.means.forEach((mean, digit) => {
      if (mean) adapted[digit]! += gain(dot(unit, nonzero, mean, 0));
    });
    return adapted;
  }
  const neighbours = nearest(unit, nonzero, memory, params.k, params.threshold);
  for (const { index, similarity } of neighbours) {
    adapted[memory.labels[index]!]! += gain(similarity);
  }
  const closest = neighbours[0];
  if (closest && closest.similarity >= SAME_DRAWING) {
    const label = memory.labels[closest.index]!;
    const others = adapted.filter((_, digit) => digit !== label);
    adapted[label] = Math.max(adapted[label]!, Math.max(...others) + params.weight);
  }
  return adapted;
}

/** The k kept examples most similar to `unit` and above `floor`, most similar first. */
function nearest(
  unit: Float32Array,
  nonzero: Uint32Array,
  memory: PersonalMemory,
  k: number,
  floor: number,
): { index: number; similarity: number }[] {
  const best: { index: number; similarity: number }[] = [];
  for (let i = 0; i < memory.size; i++) {
    const similarity = dot(unit, nonzero, memory.vectors, i * memory.featureSize);
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

/** a . b[offset ..], over the indices where a is nonzero. */
function dot(a: Float32Array, nonzero: Uint32Array, b: Float32Array, offset: number): number {
  let sum = 0;
  for (let n = 0; n < nonzero.length; n++) {
    const i = nonzero[n]!;
    sum += a[i]! * b[offset + i]!;
  }
  return sum;
}

function nonzeroIndices(values: Float32Array): Uint32Array {
  const indices = new Uint32Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) indices[count++] = i;
  return indices.subarray(0, count);
}
