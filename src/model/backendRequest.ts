import { parseBackendName, type BackendName } from './backendName';

/** A backend forced with `?backend=`, or 'auto': the page picks the fastest for the device. */
export type BackendRequest = BackendName | 'auto';

/** `?backend=webgl|wasm|cpu` forces a backend (links, benchmarks, tests); anything else is auto. */
export function parseBackendRequest(search: string): BackendRequest {
  return parseBackendName(new URLSearchParams(search).get('backend')) ?? 'auto';
}
