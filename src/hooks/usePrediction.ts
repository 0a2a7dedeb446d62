import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Classifier } from '../model/classifier';
import { batchView, createPredictionLoop } from '../model/predictionLoop';
import type { PreparedNumber } from '../number/prepareNumber';
import { readNumber, type NumberReading } from '../number/readNumber';

/**
 * The number read from the drawing `prepared` was made from, kept up to date by a prediction
 * loop (see createPredictionLoop). The reading is derived during render, so its state never
 * lags a render behind the drawing.
 */
export function usePrediction(
  classifier: Classifier | null,
  prepared: PreparedNumber,
): NumberReading {
  const [loop] = useState(createPredictionLoop<PreparedNumber>);
  const result = useSyncExternalStore(loop.subscribe, loop.getResult);
  useEffect(() => loop.setClassifier(classifier), [loop, classifier]);
  useEffect(() => loop.setInput(prepared), [loop, prepared]);
  return useMemo(() => readNumber(batchView(prepared, result)), [prepared, result]);
}
