import type { Classifier, Prediction } from './classifier';

export type PredictionState = 'empty' | 'pending' | 'done' | 'error';

/** Inputs to read in one batched call: a new key is a new drawing. */
export interface Batch {
  key: string;
  /** None when there is nothing to recognise. */
  inputs: readonly Float32Array[];
  /** How long preparing the inputs took: the measure counts it with inference. */
  preprocessMs?: number;
}

/** The model inputs one drawing needs read, in one batched call. */
export interface PreparedBatch extends Batch {
  /** The drawing version and preprocessing it was made from. */
  key: string;
  preprocessMs: number;
  /** Also read every layer's output back (the Layers panel, see Classifier.predict). */
  layers?: boolean;
}

/** The newest prediction landed, for the batch it was made for. */
export interface PredictionResult<B extends Batch = PreparedBatch, P = Prediction> {
  batch: B;
  /** One per input, in order; null when predicting failed. */
  predictions: P[] | null;
  error: string | null;
}

/** A result of a loop over predictors of type R: which one made it, and how long it took. */
export interface PredictorResult<R, B extends Batch, P> extends PredictionResult<B, P> {
  predictor: R;
  /** Inference and reading the outputs back, in ms (0 when predicting failed). */
  ms: number;
}

export interface PredictorLoop<R, B extends Batch, P> {
  /** A new predictor reads the current drawing again; null stops reading. */
  setPredictor(predictor: R | null): void;
  setInput(batch: B): void;
  /** The newest result; a new object only when a result lands or is dropped. */
  getResult(): PredictorResult<R, B, P> | null;
  subscribe(listener: () => void): () => void;
}

export interface PredictorLoopOptions<R, B extends Batch, P> {
  /** Reads `batch` with `predictor`: one prediction per input, in order. */
  read(predictor: R, batch: B): Promise<P[]>;
  /** The User Timing measure each prediction is recorded as. */
  measure: string;
  /** Drop the result shown when the predictor is replaced, rather than keep it until the next. */
  dropOnReplace?: boolean;
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
  const { setPredictor, ...loop } = createPredictorLoop<Classifier, B, Prediction>({
    read: (classifier, batch) => classifier.predict(batch.inputs, { layers: batch.layers }),
    measure: 'predict',
  });
  return { ...loop, setClassifier: setPredictor };
}

/**
 * The loop behind createPredictionLoop, for any predictor (the person's model reads with its
 * own, userPredictionLoop.ts): one prediction in flight, the newest drawing next. The measure
 * starts `batch.preprocessMs` before inference and ends when the outputs are read back.
 */
export function createPredictorLoop<R, B extends Batch, P>({
  read,
  measure,
  dropOnReplace = false,
}: PredictorLoopOptions<R, B, P>): PredictorLoop<R, B, P> {
  let predictor: R | null = null;
  let latest: Batch = { key: '', inputs: [] };
  let result: PredictorResult<R, B, P> | null = null;
  // The key last sent to the current predictor, and whether it is still working on it.
  let predictedKey: string | null = null;
  let busy = false;
  const listeners = new Set<() => void>();

  const publish = (next: PredictorResult<R, B, P> | null) => {
    result = next;
    listeners.forEach((listener) => listener());
  };

  async function predict(using: R, batch: B) {
    let landed: PredictorResult<R, B, P>;
    try {
      const start = performance.now();
      const predictions = await read(using, batch);
      const end = performance.now();
      performance.measure(measure, { start: start - (batch.preprocessMs ?? 0), end });
      landed = { batch, predictor: using, predictions, error: null, ms: end - start };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      landed = { batch, predictor: using, predictions: null, error: message, ms: 0 };
    }
    // A replaced predictor's answer is not shown (a classifier's context may be lost, a model
    // disposed); a cleared pad must not show a late answer for the drawing that was on it.
    if (using === predictor && latest.inputs.length > 0) publish(landed);
  }

  function predictLatest() {
    const next = latest as B;
    if (busy || predictor === null || next.inputs.length === 0 || next.key === predictedKey) {
      return;
    }
    busy = true;
    predictedKey = next.key;
    void predict(predictor, next).finally(() => {
      busy = false;
      predictLatest();
    });
  }

  return {
    setPredictor(next) {
      if (next === predictor) return;
      predictor = next;
      predictedKey = null;
      if (dropOnReplace && result) publish(null);
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
