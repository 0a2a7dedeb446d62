import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Classifier } from '../model/classifier';
import { createPredictionLoop, predictionView, type PredictionView } from '../model/predictionLoop';
import type { PreparedInput } from '../preprocess/prepareInput';

/**
 * The prediction for the drawing `input` was prepared from, kept up to date by a prediction
 * loop (see createPredictionLoop). The view is derived during render, so the state never
 * lags a render behind the drawing.
 */
export function usePrediction(classifier: Classifier | null, input: PreparedInput): PredictionView {
  const [loop] = useState(createPredictionLoop);
  const result = useSyncExternalStore(loop.subscribe, loop.getResult);
  useEffect(() => loop.setClassifier(classifier), [loop, classifier]);
  useEffect(() => loop.setInput(input), [loop, input]);
  return useMemo(() => predictionView(input, result), [input, result]);
}
