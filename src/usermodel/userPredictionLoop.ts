import { createPredictorLoop, type PredictorResult } from '../model/predictionLoop';
import type { Convention, UserModel, UserPrediction } from './UserModel';

/** The inputs the person's model reads: the digits the page shows, one input each. */
export interface UserBatch {
  /** Names the inputs: a new key is a new set of digits. */
  key: string;
  inputs: readonly Float32Array[];
}

/** The person's model and the convention it reads under: replacing either reads again. */
export interface UserReader {
  model: UserModel;
  convention: Convention;
}

/** The newest answer landed, for the batch it was made for, by `predictor` in `ms`. */
export type UserResult = PredictorResult<UserReader, UserBatch, UserPrediction>;

export interface UserPredictionLoop {
  /** The model and the convention it reads under; null when no model is loaded. */
  setModel(model: UserModel | null, convention: Convention | null): void;
  setInput(batch: UserBatch): void;
  /** The newest result; a new object only when a result lands or is dropped. */
  getResult(): UserResult | null;
  subscribe(listener: () => void): () => void;
}

/**
 * The person's model reads the digits as they change, in the shipped model's loop
 * (createPredictorLoop: one prediction in flight, the newest digits next). Each prediction is a
 * User Timing measure named 'user-predict' (not 'predict': that one counts the shipped model's).
 * A model or convention replaced drops the answer shown.
 */
export function createUserPredictionLoop(): UserPredictionLoop {
  const { setPredictor, ...loop } = createPredictorLoop<UserReader, UserBatch, UserPrediction>({
    read: ({ model, convention }, batch) => model.predict(batch.inputs, convention),
    measure: 'user-predict',
    dropOnReplace: true,
  });
  let model: UserModel | null = null;
  let convention: Convention | null = null;
  return {
    ...loop,
    setModel(nextModel, nextConvention) {
      if (nextModel === model && nextConvention === convention) return;
      model = nextModel;
      convention = nextConvention;
      setPredictor(model && convention ? { model, convention } : null);
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
