import type { PreparedInput } from '../preprocess/prepareInput';
import type { Classifier, Prediction } from './classifier';

export type PredictionState = 'empty' | 'pending' | 'done' | 'error';

/** What the page shows for a drawing. */
export interface PredictionView {
  state: PredictionState;
  /** This drawing's prediction when done; while pending, the one before it (scores stay live). */
  prediction: Prediction | null;
  /** Why predicting this drawing failed (state 'error'). */
  error: string | null;
}

/** The newest prediction landed, for the drawing named by `key`. */
export interface PredictionResult {
  key: string;
  prediction: Prediction | null;
  error: string | null;
}

export interface PredictionLoop {
  /** A new classifier (retry, rebuilt backend) predicts the current drawing again. */
  setClassifier(classifier: Classifier | null): void;
  setInput(input: PreparedInput): void;
  /** The newest result; a new object only when a result lands or the drawing is cleared. */
  getResult(): PredictionResult | null;
  subscribe(listener: () => void): () => void;
}

const EMPTY_VIEW: PredictionView = { state: 'empty', prediction: null, error: null };

/** What to show for `input` given the newest result, whichever drawing that was for. */
export function predictionView(
  input: PreparedInput,
  result: PredictionResult | null,
): PredictionView {
  if (!input.input) return EMPTY_VIEW;
  if (result?.key !== input.key) {
    return { state: 'pending', prediction: result?.prediction ?? null, error: null };
  }
  if (result.error !== null) return { state: 'error', prediction: null, error: result.error };
  const prediction =
    input.tiny && result.prediction?.verdict
      ? { ...result.prediction, verdict: 'not-a-digit' as const }
      : result.prediction;
  return { state: 'done', prediction, error: null };
}

/**
 * Predicts the drawing as it changes with at most one prediction in flight: when one lands and
 * the drawing has moved on, the newest drawing is predicted next (intermediate ones are
 * skipped). Each prediction is a User Timing measure named 'predict' covering preprocessing,
 * inference and reading the result back, but not any wait behind the previous prediction.
 */
export function createPredictionLoop(): PredictionLoop {
  let classifier: Classifier | null = null;
  let latest: PreparedInput = { key: '', input: null, preprocessMs: 0, tiny: false };
  let result: PredictionResult | null = null;
  // The key last sent to the current classifier, and whether it is still working on it.
  let predictedKey: string | null = null;
  let busy = false;
  const listeners = new Set<() => void>();

  const publish = (next: PredictionResult | null) => {
    result = next;
    listeners.forEach((listener) => listener());
  };

  async function predict(using: Classifier, next: PreparedInput, input: Float32Array) {
    let landed: PredictionResult;
    try {
      const start = performance.now();
      const prediction = await using.predict(input);
      performance.measure('predict', { start: start - next.preprocessMs, end: performance.now() });
      landed = { key: next.key, prediction, error: null };
    } catch (error) {
      landed = {
        key: next.key,
        prediction: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    // A replaced classifier's answer is not shown (its context may be lost); a cleared pad
    // must not show a late answer for the drawing that was on it.
    if (using === classifier && latest.input) publish(landed);
  }

  function predictLatest() {
    const next = latest;
    if (busy || !classifier || !next.input || next.key === predictedKey) return;
    busy = true;
    predictedKey = next.key;
    void predict(classifier, next, next.input).finally(() => {
      busy = false;
      predictLatest();
    });
  }

  return {
    setClassifier(next) {
      if (next === classifier) return;
      classifier = next;
      predictedKey = null;
      predictLatest();
    },
    setInput(input) {
      latest = input;
      // Once cleared, the next drawing starts with no scores, not the last drawing's.
      if (!input.input && result) publish(null);
      predictLatest();
    },
    getResult: () => result,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
