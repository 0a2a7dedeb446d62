import type { Convention, UserModel, UserPrediction } from './UserModel';

/** The inputs the person's model reads: the digits the page shows, one input each. */
export interface UserBatch {
  /** Names the inputs: a new key is a new set of digits. */
  key: string;
  inputs: readonly Float32Array[];
}

/** The newest answer landed, for the batch, model and convention it was made with. */
export interface UserResult {
  batch: UserBatch;
  model: UserModel;
  convention: Convention;
  /** One per input, in order; null when predicting failed. */
  predictions: UserPrediction[] | null;
  error: string | null;
  /** Inference and reading the outputs back, in ms. */
  ms: number;
}

export interface UserPredictionLoop {
  /** The model and the convention it reads under; null when no model is loaded. */
  setModel(model: UserModel | null, convention: Convention | null): void;
  setInput(batch: UserBatch): void;
  /** The newest result; a new object only when a result lands or is dropped. */
  getResult(): UserResult | null;
  subscribe(listener: () => void): () => void;
}

/**
 * The person's model reads the digits as they change, with at most one prediction in flight
 * and the newest drawing next (intermediate ones skipped), as createPredictionLoop does for the
 * shipped model. Each prediction is a User Timing measure named 'user-predict' (not 'predict':
 * that one counts the shipped model's). A model or convention replaced drops the answer shown.
 */
export function createUserPredictionLoop(): UserPredictionLoop {
  let model: UserModel | null = null;
  let convention: Convention | null = null;
  let latest: UserBatch = { key: '', inputs: [] };
  let result: UserResult | null = null;
  // The key last sent under the current model and convention, and whether it is in flight.
  let predictedKey: string | null = null;
  let busy = false;
  const listeners = new Set<() => void>();

  const publish = (next: UserResult | null) => {
    result = next;
    listeners.forEach((listener) => listener());
  };

  async function predict(using: UserModel, under: Convention, batch: UserBatch) {
    const start = performance.now();
    let landed: UserResult;
    try {
      const predictions = await using.predict(batch.inputs, under);
      const ms = performance.now() - start;
      performance.measure('user-predict', { start, end: start + ms });
      landed = { batch, model: using, convention: under, predictions, error: null, ms };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      landed = { batch, model: using, convention: under, predictions: null, error: message, ms: 0 };
    }
    // A replaced model (maybe disposed) or convention, or a cleared pad: not shown.
    if (using === model && under === convention && latest.inputs.length > 0) publish(landed);
  }

  function predictLatest() {
    const batch = latest;
    if (busy || !model || !convention || batch.inputs.length === 0) return;
    if (batch.key === predictedKey) return;
    busy = true;
    predictedKey = batch.key;
    void predict(model, convention, batch).finally(() => {
      busy = false;
      predictLatest();
    });
  }

  return {
    setModel(nextModel, nextConvention) {
      if (nextModel === model && nextConvention === convention) return;
      model = nextModel;
      convention = nextConvention;
      predictedKey = null;
      if (result) publish(null);
      predictLatest();
    },
    setInput(batch) {
      latest = batch;
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

/** Names a set of inputs by identity: the page keeps one array per digit's strokes. */
export function inputsKey(inputs: readonly Float32Array[]): string {
  return inputs.map(inputId).join(',');
}

const ids = new WeakMap<Float32Array, number>();
let nextId = 0;
function inputId(input: Float32Array): number {
  let found = ids.get(input);
  if (found === undefined) ids.set(input, (found = nextId++));
  return found;
}
