import { useEffect, useState, useSyncExternalStore } from 'react';
import { createKeptMnist } from '../components/train/keptMnist';
import {
  createTrainingSession,
  type TrainingSession,
  type TrainingView,
} from '../components/train/trainingSession';
import { parseBackendRequest } from '../model/backendRequest';
import {
  manifestBytes,
  MNIST_DIR,
  MNIST_MANIFEST,
  type MnistManifest,
} from '../train/mnistManifest';

export interface Training extends TrainingView {
  start: TrainingSession['start'];
  pause: TrainingSession['pause'];
  resume: TrainingSession['resume'];
  stop: TrainingSession['stop'];
  setKeep: TrainingSession['setKeep'];
  dropKept: TrainingSession['dropKept'];
}

const LOADERS = {
  /**
   * The client's code is a chunk of its own, fetched the first time the panel opens. The
   * worker trains on the backend `?backend=` forces for the page, else its own 'auto' choice.
   */
  async client() {
    const { createTrainClient } = await import('../train/trainClient');
    return createTrainClient({ backend: parseBackendRequest(window.location.search) });
  },
  /** The manifest (under a kilobyte), not MNIST: the size is shown before anything big. */
  async dataBytes() {
    const base = new URL(import.meta.env.BASE_URL, document.baseURI);
    const response = await fetch(new URL(`${MNIST_DIR}/${MNIST_MANIFEST}`, base));
    if (!response.ok) throw new Error(`MNIST manifest: HTTP ${response.status}`);
    return manifestBytes((await response.json()) as MnistManifest);
  },
};

/**
 * A training run of the Train panel: the client (and its worker) exists while the panel is
 * open; closing the panel or unmounting frees it (see createTrainingSession).
 */
export function useTraining(open: boolean): Training {
  const [session] = useState(() =>
    // Cache Storage is missing outside secure contexts: then nothing is offered to keep.
    createTrainingSession({ ...LOADERS, kept: createKeptMnist(globalThis.caches) }),
  );
  const view = useSyncExternalStore(session.subscribe, session.getView);
  useEffect(() => {
    if (!open) return;
    session.open();
    return () => session.close();
  }, [session, open]);
  return {
    ...view,
    start: session.start,
    pause: session.pause,
    resume: session.resume,
    stop: session.stop,
    setKeep: session.setKeep,
    dropKept: session.dropKept,
  };
}
