import { useEffect, useRef, useState } from 'react';
import type { Classifier, Prediction } from '../model/classifier';
import { preprocess, type Preprocessing } from '../preprocess/preprocessing';
import type { Stroke } from '../strokes';

export interface PredictionResult {
  /** The drawing version and the preprocessing this result is for. */
  version: number;
  preprocessing: Preprocessing;
  input: Float32Array | null;
  prediction: Prediction | null;
  error?: string;
}

/**
 * Predicts the drawing as it changes, with at most one prediction in flight: when one lands
 * and the drawing has moved on, the newest drawing is predicted next (intermediate ones are
 * skipped). Changing the preprocessing predicts the same drawing again. Each prediction is a
 * User Timing measure named 'predict' covering preprocessing, inference and reading the
 * result back.
 */
export function usePrediction(
  classifier: Classifier | null,
  strokes: readonly Stroke[],
  version: number,
  preprocessing: Preprocessing,
): PredictionResult | null {
  const [result, setResult] = useState<PredictionResult | null>(null);
  const latest = useRef({ strokes, version, preprocessing });
  const busy = useRef(false);
  // What was predicted last, as `${version}/${preprocessing}`.
  const lastKey = useRef('');

  // A new classifier (retry, backend change) must predict the current drawing again.
  useEffect(() => {
    lastKey.current = '';
  }, [classifier]);

  useEffect(() => {
    latest.current = { strokes, version, preprocessing };
    if (!classifier || busy.current) return;
    busy.current = true;
    const keyOf = (l: typeof latest.current) => `${l.version}/${l.preprocessing}`;
    void (async () => {
      try {
        while (keyOf(latest.current) !== lastKey.current) {
          const next = latest.current;
          const start = performance.now();
          const input = preprocess(next.strokes, next.preprocessing);
          const prediction = input ? await classifier.predict(input) : null;
          if (input) performance.measure('predict', { start, end: performance.now() });
          lastKey.current = keyOf(next);
          setResult({
            version: next.version,
            preprocessing: next.preprocessing,
            input,
            prediction,
          });
        }
      } catch (error) {
        const next = latest.current;
        lastKey.current = keyOf(next);
        setResult({
          version: next.version,
          preprocessing: next.preprocessing,
          input: null,
          prediction: null,
          error: (error as Error).message,
        });
      } finally {
        busy.current = false;
      }
    })();
  }, [classifier, strokes, version, preprocessing]);

  return result;
}

/**
 * The result to show for the drawing as it is now: the latest one only if it was made for this
 * drawing version and preprocessing; otherwise null (the page then says 'pending').
 */
export function resultForDrawing(
  result: PredictionResult | null,
  version: number,
  preprocessing: Preprocessing,
): PredictionResult | null {
  return result?.version === version && result.preprocessing === preprocessing ? result : null;
}
