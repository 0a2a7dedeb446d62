import { useCallback, useEffect, useState } from 'react';
import type { BackendName } from '../model/backend';
import { loadClassifier, type Classifier } from '../model/classifier';
import { ModelLoadError } from '../model/ModelLoadError';

export type ModelState =
  | { status: 'loading' }
  | { status: 'ready'; classifier: Classifier }
  | { status: 'error'; message: string };

/** Loads the classifier once per attempt; `retry` starts a new attempt after an error. */
export function useClassifier(
  modelJsonUrl: string,
  backend: BackendName,
): { state: ModelState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ModelState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let loaded: Classifier | null = null;
    loadClassifier(modelJsonUrl, backend).then(
      (classifier) => {
        if (cancelled) {
          classifier.dispose();
          return;
        }
        loaded = classifier;
        performance.mark('model-ready');
        setState({ status: 'ready', classifier });
      },
      (error: unknown) => {
        if (cancelled) return;
        console.warn(
          'Model failed to load:',
          error instanceof ModelLoadError ? error.detail : error,
        );
        setState({
          status: 'error',
          message:
            error instanceof ModelLoadError
              ? error.message
              : 'The model could not be started in this browser.',
        });
      },
    );
    return () => {
      cancelled = true;
      loaded?.dispose();
    };
  }, [modelJsonUrl, backend, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
