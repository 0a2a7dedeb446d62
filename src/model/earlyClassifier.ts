import type { BackendRequest } from './backendRequest';
import { loadClassifier, type Classifier } from './classifier';

let early: { url: string; request: BackendRequest; load: Promise<Classifier> } | null = null;

/**
 * Starts loading the classifier now (main.tsx calls it before React renders the page), so the
 * backend starts and the warm-up runs while the page renders. The first `takeClassifierLoad`
 * for the same model and backend gets this load instead of starting another.
 */
export function startClassifierLoad(url: string, request: BackendRequest): void {
  const load = loadClassifier(url, request);
  // Until taken, a failure is nobody's to report yet: not an unhandled rejection.
  load.catch(() => {});
  early = { url, request, load };
}

/** The early load once, if it is for this model and backend; otherwise a new load. */
export function takeClassifierLoad(url: string, request: BackendRequest): Promise<Classifier> {
  const taken = early;
  early = null;
  return taken && taken.url === url && taken.request === request
    ? taken.load
    : loadClassifier(url, request);
}
