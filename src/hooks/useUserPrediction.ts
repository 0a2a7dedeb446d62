import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PredictionState } from '../model/predictionLoop';
import type { Convention, UserModel, UserPrediction } from '../usermodel/UserModel';
import { createUserPredictionLoop, inputsKey } from '../usermodel/userPredictionLoop';

/** The person's model's reading of the digits the page shows. */
export interface UserReading {
  state: PredictionState;
  /** One per digit when done; while pending, the digits before's (the bars stay live). */
  predictions: UserPrediction[];
  error: string | null;
  /** How long the reading shown took (inference and read-back), or null. */
  ms: number | null;
}

/**
 * Reads `inputs` (each digit the shipped model's reading shows, so both models answer for the
 * same images) with the person's model, kept up to date by a user prediction loop.
 */
export function useUserPrediction(
  model: UserModel | null,
  convention: Convention | null,
  inputs: readonly Float32Array[],
): UserReading {
  const [loop] = useState(createUserPredictionLoop);
  const result = useSyncExternalStore(loop.subscribe, loop.getResult);
  const batch = useMemo(() => ({ key: inputsKey(inputs), inputs }), [inputs]);
  useEffect(() => loop.setModel(model, convention), [loop, model, convention]);
  useEffect(() => loop.setInput(batch), [loop, batch]);
  return useMemo((): UserReading => {
    const by = result?.predictor;
    const shown = by?.model === model && by.convention === convention ? result : null;
    const predictions = shown?.predictions ?? [];
    const ms = shown?.predictions ? shown.ms : null;
    if (!model || batch.inputs.length === 0) {
      return { state: 'empty', predictions: [], error: null, ms: null };
    }
    if (shown?.batch.key !== batch.key) return { state: 'pending', predictions, error: null, ms };
    if (shown.error !== null) return { state: 'error', predictions: [], error: shown.error, ms };
    return { state: 'done', predictions, error: null, ms };
  }, [result, model, convention, batch]);
}
