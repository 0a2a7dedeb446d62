import { useEffect, useState, useSyncExternalStore } from 'react';
import { resetWebglBackend } from '../model/backend';
import type { BackendRequest } from '../model/backendRequest';
import { createClassifierSession, type ModelState } from '../model/classifierSession';
import { takeClassifierLoad } from '../model/earlyClassifier';

/**
 * The classifier for the model and backend, kept through retries and lost GPU contexts by a
 * classifier session (see createClassifierSession); `retry` starts a new attempt after an error.
 */
export function useClassifier(
  modelJsonUrl: string,
  backend: BackendRequest,
): { state: ModelState; retry: () => void } {
  const [session] = useState(() => createClassifierSession(resetWebglBackend));
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useEffect(
    () => session.start(() => takeClassifierLoad(modelJsonUrl, backend)),
    [session, modelJsonUrl, backend],
  );
  return { state, retry: session.retry };
}
