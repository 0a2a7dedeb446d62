import { dropKeptMnist, keptMnistBytes, type CachesLike } from '../../train/mnistStore';
import type { KeptMnist } from './trainingSession';

// "Keep MNIST for offline use": the choice remembered in localStorage, the files in Cache
// Storage (filled by the training worker). Storage may be missing or throw (private mode, a
// sandboxed frame): then the choice lasts only as long as the page.

export const KEEP_KEY = 'digit-recogniser-keep-mnist';

export type KeepStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Null where Cache Storage is missing (not a secure context): nothing can be kept. */
export function createKeptMnist(
  caches: CachesLike | undefined,
  storage?: () => KeepStorage | undefined,
): KeptMnist | null {
  if (!caches) return null;
  // Reading window.localStorage itself throws where storage is blocked.
  const store = storage ?? (() => globalThis.localStorage);
  let wanted = attempt(() => store()?.getItem(KEEP_KEY) === 'yes', false);
  return {
    wanted: () => wanted,
    setWanted(on) {
      wanted = on;
      attempt(() => {
        if (on) store()?.setItem(KEEP_KEY, 'yes');
        else store()?.removeItem(KEEP_KEY);
      }, undefined);
    },
    bytes: () => keptMnistBytes(caches),
    drop: () => dropKeptMnist(caches),
  };
}

function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
