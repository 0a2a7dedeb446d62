import { NUM_CLASSES } from '../src/constants';
import { argMax } from '../src/model/softmax';
import {
  adaptLogits,
  ADAPT_PARAMS,
  dot,
  gain,
  readSameDrawing,
  SAME_DRAWING,
  similarityTo,
  topMargin,
  type AdaptParams,
  type Neighbour,
} from '../src/personal/adaptLogits';
import {
  personalMemory,
  unitVector,
  type PersonalExample,
  type PersonalMemory,
} from '../src/personal/personalMemory';

// Adaptation rules only the evaluation tries (npm run eval -- --adapt --method ... --k ...
// --pair --margin none), beside the page's own (src/personal/adaptLogits.ts), which it
// generalises: none of this ships in the page's bundle.

export const ADAPT_METHODS = ['knn', 'means'] as const;

/** A rule to replay: the page's, or one of its alternatives. */
export interface AdaptVariant {
  /** 'knn': the nearest kept examples vote, each by its similarity; 'means': each digit's mean. */
  method: (typeof ADAPT_METHODS)[number];
  /** Neighbours that vote (knn). */
  k: number;
  threshold: number;
  weight: number;
  /** As the page's margin; absent: every drawing adapts, however sure the network is. */
  margin?: number;
  /**
   * A kept correction (truth T, the network read R) helps only a drawing the network reads as R
   * or T: the same hesitation, never a push towards a third digit. Off on the page: it cost a
   * fix on the training writers (a 3 read as 8 after a 3 read as 2 was corrected) and saved
   * nothing.
   */
  pair?: boolean;
}

/** The page's rule as a variant. */
export const PAGE_VARIANT: AdaptVariant = { method: 'knn', k: 1, ...ADAPT_PARAMS };

/** The page's memory plus what the alternatives compare. */
export interface VariantMemory extends PersonalMemory {
  /** The network's own reading of each (its top logit): the digit the correction was against. */
  reads: Uint8Array;
  /** Per digit: the unit-length mean of its examples' unit vectors, or null if none. */
  means: (Float32Array | null)[];
}

export function variantMemory(examples: readonly PersonalExample[]): VariantMemory {
  const memory = personalMemory(examples);
  const sums = Array.from({ length: NUM_CLASSES }, (): Float32Array | null => null);
  for (let i = 0; i < memory.size; i++) {
    const sum = (sums[memory.labels[i]!] ??= new Float32Array(NUM_CLASSES));
    for (let j = 0; j < NUM_CLASSES; j++) sum[j]! += memory.vectors[i * NUM_CLASSES + j]!;
  }
  return {
    ...memory,
    reads: Uint8Array.from(examples, (e) => argMax(e.logits)),
    means: sums.map((sum) => sum && unitVector(sum)),
  };
}

/** Whether `variant` is the rule the page runs (then the page's own code runs it). */
export function isPageRule(variant: AdaptVariant): variant is AdaptVariant & AdaptParams {
  return (
    variant.method === 'knn' && variant.k === 1 && !variant.pair && variant.margin !== undefined
  );
}

/** adaptLogits under `variant`: the page's code for the page's rule, else the alternative's. */
export function adaptVariant(
  logits: ArrayLike<number>,
  memory: VariantMemory,
  temperature: number,
  variant: AdaptVariant,
): number[] {
  return isPageRule(variant)
    ? adaptLogits(logits, memory, temperature, variant)
    : adaptAlternative(logits, memory, temperature, variant);
}

/** Every variant, the page's rule included, as one general rule. */
export function adaptAlternative(
  logits: ArrayLike<number>,
  memory: VariantMemory,
  temperature: number,
  params: AdaptVariant,
): number[] {
  const adapted = Array.from({ length: NUM_CLASSES }, (_, i) => logits[i]!);
  if (memory.size === 0) return adapted;
  const unit = unitVector(adapted);
  const top = argMax(adapted);
  const sure =
    params.margin !== undefined && topMargin(adapted, top) >= params.margin * temperature;
  const weight = params.weight * temperature;
  if (params.method === 'means') {
    if (sure) return adapted;
    memory.means.forEach((mean, digit) => {
      if (mean) adapted[digit]! += gain(dot(unit, mean, 0), params, weight);
    });
    return adapted;
  }
  const neighbours = nearestK(
    unit,
    memory,
    sure ? 1 : params.k,
    sure ? SAME_DRAWING : params.threshold,
    (i) => !params.pair || memory.reads[i] === top || memory.labels[i] === top,
  );
  if (!sure) {
    for (const { index, similarity } of neighbours) {
      adapted[memory.labels[index]!]! += gain(similarity, params, weight);
    }
  }
  if (neighbours[0]) readSameDrawing(adapted, memory, neighbours[0], weight);
  return adapted;
}

/** The k kept examples allowed a say most similar to `unit` and above `floor`, most similar first. */
function nearestK(
  unit: Float32Array,
  memory: PersonalMemory,
  k: number,
  floor: number,
  allowed: (index: number) => boolean,
): Neighbour[] {
  const best: Neighbour[] = [];
  for (let i = 0; i < memory.size; i++) {
    if (!allowed(i)) continue;
    const similarity = similarityTo(unit, memory, i);
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
