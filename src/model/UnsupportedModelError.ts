/** The model files describe something forwardModel cannot run (or do not fit together). */
export class UnsupportedModelError extends Error {}
