/** The TensorFlow.js backends the app can run the model on; `webgl` is the default. */
export const BACKEND_NAMES = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** For reading `?backend=`: a known backend, or null. */
export function parseBackendName(value: string | null | undefined): BackendName | null {
  return BACKEND_NAMES.find((name) => name === value) ?? null;
}
