import { useCallback, useEffect, useState } from 'react';
import { resetWebglBackend } from '../model/backend';
import type { BackendRequest } from '../model/backendRequest';
import type { Classifier } from '../model/classifier';
import { takeClassifierLoad } from '../model/earlyClassifier';
import { ModelLoadError } from '../model/ModelLoadError';

export type ModelState =
  | { status: 'loading'; note?: string }
  | { status: 'ready'; classifier: Classifier }
  | { status: 'error'; message: string };

/**
 * Loads the classifier once per attempt; `retry` starts a new attempt after an error. When
 * the GPU context is lost, the classifier is dropped at once (predicting on a lost context can
 * take the page down) and rebuilt on a fresh context, or on the cpu backend.
 */
export function useClassifier(
  modelJsonUrl: string,
  backend: BackendRequest,
): { state: ModelState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ModelState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let loaded: Classifier | null = null;
    let stopWatching = () => {};
    const adopt = (classifier: Classifier) => {
      loaded = classifier;
      stopWatching();
      stopWatching = classifier.onContextLost(() => {
        console.warn('WebGL context lost: rebuilding the model on a new context');
        try {
          classifier.dispose(); // frees the weights' records; the GPU memory is gone anyway
        } catch {
          // A dead context may refuse; the backend is replaced next regardless.
        }
        loaded = null;
        resetWebglBackend();
        setState({ status: 'loading', note: 'The graphics processor was reset; restarting…' });
        setAttempt((n) => n + 1);
      });
      setState({ status: 'ready', classifier });
    };
    takeClassifierLoad(modelJsonUrl, backend).then(
      (classifier) => {
        if (cancelled) {
          classifier.dispose();
          return;
        }
        performance.mark('model-ready');
        adopt(classifier);
        // Answering on an interim backend (wasm while the WebGL probe asks, cpu while WebGL
        // starts): take the final form when it comes (the reason it stays, or the model
        // rebuilt on WebGL).
        void classifier.settle?.().then((final) => {
          // A new model only when it moved to another backend; else the same one, with its reason.
          const rebuilt = final.backend.name !== classifier.backend.name;
          if (cancelled || loaded !== classifier) {
            if (rebuilt) final.dispose();
            return;
          }
          if (rebuilt) classifier.dispose();
          performance.mark('backend-final');
          adopt(final);
        });
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
      stopWatching();
      loaded?.dispose();
    };
  }, [modelJsonUrl, backend, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
