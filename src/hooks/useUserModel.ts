import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Classifier } from '../model/classifier';
import { recallConvention, rememberConvention } from '../usermodel/conventionMemory';
import type { UserModelSource } from '../usermodel/UserModel';
import {
  createUserModelSession,
  type UserModelSession,
  type UserModelState,
} from '../usermodel/userModelSession';
import { openUserModelStore } from '../usermodel/userModelStore';

export interface UserModelHandle {
  state: UserModelState;
  load: UserModelSession['load'];
  setConvention: UserModelSession['setConvention'];
  keep: UserModelSession['keep'];
  remove: UserModelSession['remove'];
}

/** The backend token when the shipped model could not load: whatever backend tfjs has. */
const NO_SHIPPED_MODEL = 'no shipped model';

/**
 * The person's own model (see createUserModelSession): `?model=` or the kept copy at start,
 * loaded on the shipped model's backend once that is final, or, when the shipped model failed
 * to load (`shippedFailed`), on the backend tfjs has. The loader and tfjs's graph and layers
 * support are fetched only when a model is loaded, so the default page does not grow.
 */
export function useUserModel(
  classifier: Classifier | null,
  shippedFailed: boolean,
): UserModelHandle {
  const [session] = useState(() =>
    createUserModelSession({
      load: async (source) => (await import('../usermodel/loadUserModel')).loadUserModel(source),
      openStore: () => openUserModelStore(),
      recallConvention: (id) => recallConvention(id),
      rememberConvention: (id, convention) => void rememberConvention(id, convention),
    }),
  );
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useEffect(() => session.start(requestedModel()), [session]);
  // A classifier still to settle answers on an interim backend: the model waits for the final.
  const backend =
    classifier && !classifier.settle ? classifier : shippedFailed ? NO_SHIPPED_MODEL : null;
  useEffect(() => session.setBackend(backend), [session, backend]);
  return {
    state,
    load: session.load,
    setConvention: session.setConvention,
    keep: session.keep,
    remove: session.remove,
  };
}

/** `?model=<url>`: a model to load at start, relative to the page. */
function requestedModel(): UserModelSource | null {
  const url = new URLSearchParams(window.location.search).get('model');
  return url ? { kind: 'url', url } : null;
}
