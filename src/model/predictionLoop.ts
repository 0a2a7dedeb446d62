import type { Classifier, Prediction } from './classifier';

export type PredictionState = 'empty' | 'pending' | 'done' | 'error';

/** The model inputs one drawing needs read, in one batched call. */
export interface PreparedBatch {
  /** The drawing version and preprocessing it was made from: a new key is a new drawing. */
  key: string;
  /** None when there is nothing to recognise. */
  inputs: readonly Float32Array[];
  /** How long preprocessing took: the 'predict' measure counts it with inference. */
  preprocessMs: number;
  /** Also read every layer's output back (the Layers panel, see Classifier.predict). */
  layers?: boolean;
}

/** The newest prediction landed, for the batch it was made for. */
export interface PredictionResult<B extends PreparedBatch = PreparedBatch> {
  batch: B;
  /** One per input, in order; null when predicting failed. */
  predictions: Prediction[] | null;
  error: string | null;
}

export interface PredictionLoop<B extends PreparedBatch = PreparedBatch> {
  /** A new classifier (retry, rebuilt backend) predicts the current drawing again. */
  setClassifier(classifier: Classifier | null): void;
  setInput(batch: B): void;
  /** The newest result; a new object only when a result lands or the drawing is cleared. */
  getResult(): PredictionResult<B> | null;
  subscribe(listener: () => void): () => void;
}

/** Where a drawing's prediction stands, and the result to show for it meanwhile. */
export interface BatchView<B extends PreparedBatch = PreparedBatch> {
  state: PredictionState;
  /** This drawing's result when done; while pending, the one before it (scores stay live). */
  shown: (PredictionResult<B> & { predictions: Prediction[] }) | null;
  /** Why predicting this drawing failed (state 'error'). */
  error: string | null;
}

/** What to show for `batch` given the newest result, whichever drawing that was for. */
export function batchView<B extends PreparedBatch>(
  batch: B,
  result: PredictionResult<B> | null,
): BatchView<B> {
  if (batch.inputs.length === 0) return { state: 'empty', shown: null, error: null };
  const shown = result?.predictions ? { ...result, predictions: result.predictions } : null;
  if (result?.batch.key !== batch.key) return { state: 'pending', shown, error: null };
  if (result.error !== null) return { state: 'error', shown: null, error: result.error };
  return { state: 'done', shown, error: null };
}

/**
 * Predicts the drawing as it changes with at most one prediction in flight: when one lands and
 * the drawing has moved on, the newest drawing is predicted next (intermediate ones are
 * skipped). Each prediction is a User Timing measure named 'predict' covering preprocessing,
 * inference and reading the result back, but not any wait behind the previous prediction.
 */
export function createPredictionLoop<B extends PreparedBatch>(): PredictionLoop<B> {
  let classifier: Classifier | null = null;
  let latest: PreparedBatch = { key: '', inputs: [], preprocessMs: 0 };
  let result: PredictionResult<B> | null = null;
  // The key last sent to the current classifier, and whether it is still working on it.
  let predictedKey: string | null = null;
  let busy = false;
  const listeners = new Set<() => void>();

  const publish = (next: PredictionResult<B> | null) => {
    result = next;
    listeners.forEach((listener) => listener());
  };

  async function predict(using: Classifier, next: B) {
    let landed: PredictionResult<B>;
    try {
      const start = performance.now();
      const predictions = await using.predict(next.inputs, { layers: next.layers });
      performance.measure('predict', { start: start - next.preprocessMs, end: performance.now() });
      landed = { batch: next, predictions, error: null };
    } catch (error) {
      landed = {
        batch: next,
        predictions: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    // A replaced classifier's answer is not shown (its context may be lost); a cleared pad
    // must not show a late answer for the drawing that was on it.
    if (using === classifier && latest.inputs.length > 0) publish(landed);
  }

  function predictLatest() {
    const next = latest as B;
    if (busy || !classifier || next.inputs.length === 0 || next.key === predictedKey) return;
    busy = true;
    predictedKey = next.key;
    void predict(classifier, next).finally(() => {
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
    setInput(batch) {
      latest = batch;
      // Once cleared, the next drawing starts with no scores, not the last drawing's, and a
      // drawing brought back (undo) is read again even if it was the last one read.
      if (batch.inputs.length === 0) {
        predictedKey = null;
        if (result) publish(null);
      }
      predictLatest();
    },
    getResult: () => result,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
