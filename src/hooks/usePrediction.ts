import { useEffect, useRef, useState } from 'react';
import type { Classifier, Prediction } from '../model/classifier';
import type { Stroke } from '../preprocess/strokes';
import { strokesToInput } from '../preprocess/strokesToInput';

export interface PredictionResult {
  /** The drawing version this result is for. */
  version: number;
  input: Float32Array | null;
  prediction: Prediction | null;
  error?: string;
}

/**
 * Predicts the drawing as it changes, with at most one prediction in flight: when one lands
 * and the drawing has moved on, the newest drawing is predicted next (intermediate ones are
 * skipped). Each prediction is a User Timing measure named 'predict' covering preprocessing,
 * inference and reading the result back.
 */
export function usePrediction(
  classifier: Classifier | null,
  strokes: readonly Stroke[],
  version: number,
): PredictionResult | null {
  const [result, setResult] = useState<PredictionResult | null>(null);
  const latest = useRef({ strokes, version });
  const busy = useRef(false);
  const lastVersion = useRef(-1);

  // A new classifier (retry, backend change) must predict the current drawing again.
  useEffect(() => {
    lastVersion.current = -1;
  }, [classifier]);

  useEffect(() => {
    latest.current = { strokes, version };
    if (!classifier || busy.current) return;
    busy.current = true;
    void (async () => {
      try {
        while (latest.current.version !== lastVersion.current) {
          const { strokes: current, version: v } = latest.current;
          const start = performance.now();
          const input = strokesToInput(current);
          const prediction = input ? await classifier.predict(input) : null;
          if (input) performance.measure('predict', { start, end: performance.now() });
          lastVersion.current = v;
          setResult({ version: v, input, prediction });
        }
      } catch (error) {
        const { version: v } = latest.current;
        lastVersion.current = v;
        setResult({ version: v, input: null, prediction: null, error: (error as Error).message });
      } finally {
        busy.current = false;
      }
    })();
  }, [classifier, strokes, version]);

  return result;
}
