import type { Classifier } from './classifier';
import { ModelLoadError } from './ModelLoadError';

export type ModelState =
  | { status: 'loading'; note?: string }
  | { status: 'ready'; classifier: Classifier }
  | { status: 'error'; message: string };

export interface ClassifierSession {
  /**
   * Loads the classifier with `load`, and again with it after `retry` or a lost GPU context,
   * until the returned function stops it (disposing what it loaded).
   */
  start(load: () => Promise<Classifier>): () => void;
  /** A new attempt (after an error). */
  retry(): void;
  getState(): ModelState;
  subscribe(listener: () => void): () => void;
}

export const GPU_RESET_NOTE = 'The graphics processor was reset; restarting…';

/**
 * The classifier's lifecycle: one load per attempt, adopted when it lands, then moved to its
 * final backend when that comes (`Classifier.settle`). When the GPU context is lost, the
 * classifier is dropped at once (predicting on a lost context can take the page down) and
 * rebuilt on a fresh context (`resetGpu`), or on the cpu backend. A classifier nobody keeps
 * any more (a stopped or replaced attempt) is disposed, never shown. Creating one has no side
 * effects.
 */
export function createClassifierSession(resetGpu: () => void): ClassifierSession {
  let state: ModelState = { status: 'loading' };
  const listeners = new Set<() => void>();
  let load: (() => Promise<Classifier>) | null = null;
  let stopAttempt = () => {};

  const publish = (next: ModelState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const restart = () => {
    stopAttempt();
    stopAttempt = load ? attempt(load, publish, onContextLost) : () => {};
  };
  const onContextLost = () => {
    resetGpu();
    publish({ status: 'loading', note: GPU_RESET_NOTE });
    restart();
  };

  return {
    start(next) {
      load = next;
      // A new model or backend: the classifier shown so far is disposed by the restart.
      if (state.status === 'ready') publish({ status: 'loading' });
      restart();
      return () => {
        if (load !== next) return;
        load = null;
        restart();
      };
    },
    retry() {
      publish({ status: 'loading' });
      restart();
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * One attempt: loads, adopts the classifier, then its final form; returns the function that
 * ends the attempt. `onLost` runs once the adopted classifier's GPU context is lost (it is
 * disposed by then).
 */
function attempt(
  load: () => Promise<Classifier>,
  publish: (state: ModelState) => void,
  onLost: () => void,
): () => void {
  let ended = false;
  let kept: Classifier | null = null;
  let stopWatching = () => {};
  const adopt = (classifier: Classifier) => {
    kept = classifier;
    stopWatching();
    stopWatching = classifier.onContextLost(() => {
      console.warn('WebGL context lost: rebuilding the model on a new context');
      try {
        classifier.dispose(); // frees the weights' records; the GPU memory is gone anyway
      } catch {
        // A dead context may refuse; the backend is replaced next regardless.
      }
      kept = null;
      onLost();
    });
    publish({ status: 'ready', classifier });
  };
  const settle = async (classifier: Classifier) => {
    const final = await classifier.settle!();
    // A new model only when it moved to another backend; else the same one, with its reason.
    const rebuilt = final.backend.name !== classifier.backend.name;
    if (ended) {
      if (rebuilt) final.dispose();
      return;
    }
    if (rebuilt) classifier.dispose();
    performance.mark('backend-final');
    adopt(final);
  };
  load().then(
    (classifier) => {
      if (ended) return classifier.dispose();
      performance.mark('model-ready');
      adopt(classifier);
      // Answering on an interim backend (wasm while the WebGL probe asks, cpu while WebGL
      // starts): take the final form when it comes (the reason it stays, or the model rebuilt
      // on WebGL).
      if (classifier.settle) void settle(classifier);
    },
    (error: unknown) => {
      if (ended) return;
      console.warn('Model failed to load:', error instanceof ModelLoadError ? error.detail : error);
      publish({
        status: 'error',
        message:
          error instanceof ModelLoadError
            ? error.message
            : 'The model could not be started in this browser.',
      });
    },
  );
  return () => {
    ended = true;
    stopWatching();
    kept?.dispose();
  };
}
