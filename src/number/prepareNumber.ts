import { INPUT_PIXELS } from '../constants';
import type { PreparedBatch } from '../model/predictionLoop';
import { preprocess, type Preprocessing } from '../preprocess/preprocessing';
import type { Stroke } from '../strokes';
import { planCandidates, planReading, type ReadingPlan } from './segmentation';
import { isTinyMark } from './tinyMark';

/** A drawing made ready for the model once: its reading plan and an input per candidate. */
export interface PreparedNumber extends PreparedBatch {
  strokes: readonly Stroke[];
  plan: ReadingPlan;
  /** Per candidate: nothing to recognise, or a mark too small to be a digit (see tinyMark.ts). */
  tiny: boolean[];
}

/** Remembers each candidate's input by its strokes, so a new stroke re-renders only its group. */
export interface InputCache {
  input(strokes: readonly Stroke[], preprocessing: Preprocessing): Float32Array | null;
  /** Names the strokes by identity: the same strokes (even after pen-up) get the same name. */
  name(strokes: readonly Stroke[]): string;
  /** Forgets every input not asked for since the last call. */
  sweep(): void;
}

/** Every stroke's name: a number given the first time it is seen. */
const ids = new WeakMap<Stroke, number>();
let nextId = 0;
const id = (stroke: Stroke) => {
  let found = ids.get(stroke);
  if (found === undefined) ids.set(stroke, (found = nextId++));
  return found;
};

export function createInputCache(): InputCache {
  let kept = new Map<string, Float32Array | null>();
  let used = new Map<string, Float32Array | null>();
  const name = (strokes: readonly Stroke[]) => strokes.map(id).join(',');
  return {
    name,
    input(strokes, preprocessing) {
      const key = `${preprocessing}:${name(strokes)}`;
      const input = used.get(key) ?? kept.get(key) ?? preprocess(strokes, preprocessing);
      used.set(key, input);
      return input;
    },
    sweep() {
      kept = used;
      used = new Map();
    },
  };
}

/**
 * Plans the reading of the strokes (groups and possible joins, see segmentation.ts) and
 * preprocesses every candidate. Nothing to recognise (no ink with extent): no inputs.
 * The key names the strokes themselves, not an edit count: lifting the pen keeps the stroke as
 * drawn, so the answer read while drawing stands and nothing is read twice.
 */
export function prepareNumber(
  strokes: readonly Stroke[],
  preprocessing: Preprocessing,
  cache: InputCache = createInputCache(),
): PreparedNumber {
  const start = performance.now();
  const plan = planReading(strokes);
  const candidates = planCandidates(plan).map((c) => c.strokes.map((i) => strokes[i]!));
  const inputs = candidates.map((c) => cache.input(c, preprocessing));
  cache.sweep();
  const tiny = candidates.map((c, i) => inputs[i] === null || isTinyMark(c));
  const anything = inputs.some((input) => input !== null);
  return {
    key: `${cache.name(strokes)}/${preprocessing}`,
    strokes,
    plan,
    // A dot among digits is read as a blank: it is tiny, so not a digit whatever the model says.
    inputs: anything ? inputs.map((input) => input ?? new Float32Array(INPUT_PIXELS)) : [],
    tiny: anything ? tiny : [],
    preprocessMs: performance.now() - start,
  };
}
