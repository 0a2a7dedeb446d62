import { UserModelError, type UserModelFormat } from './UserModel';

const BACKEND_WORDS: Record<string, string> = {
  webgl: 'WebGL (the GPU)',
  wasm: 'WebAssembly',
  cpu: 'the CPU backend (plain JavaScript)',
};

const backendWords = (backend: string) => BACKEND_WORDS[backend] ?? `the ${backend} backend`;

/**
 * A failed first run, in words: an op tfjs-converter does not know, or a kernel the backend
 * lacks, named with the backend; anything else with tfjs's own message.
 */
export function describeRunError(error: unknown, backend: string): UserModelError {
  if (error instanceof UserModelError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const detail = `backend ${backend}: ${text}`;
  const unknownOp =
    /Unknown op '([^']+)'/.exec(text) ?? /Tensorflow Op is not supported: ([\w.-]+)/.exec(text);
  if (unknownOp) {
    return new UserModelError(
      `The model uses the operation ${unknownOp[1]}, which TensorFlow.js cannot run (on any backend).`,
      detail,
    );
  }
  const kernel = /Kernel '([^']+)' not registered for backend '([^']+)'/.exec(text);
  if (kernel) {
    return new UserModelError(
      `The model uses the operation ${kernel[1]}, which ${backendWords(kernel[2]!)} cannot run ` +
        'here. Another backend (?backend=webgl, wasm or cpu) may run it.',
      detail,
    );
  }
  return new UserModelError(`The model could not run on ${backendWords(backend)}: ${text}`, detail);
}

/** A model tfjs's loader refused, in words. */
export function describeLoadError(error: unknown, format: UserModelFormat): UserModelError {
  if (error instanceof UserModelError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const layer = /Unknown layer: (\w+)/.exec(text);
  if (layer) {
    return new UserModelError(
      `The model uses the layer ${layer[1]}, which TensorFlow.js does not have.`,
      text,
    );
  }
  return new UserModelError(
    `TensorFlow.js could not read this ${format} model: ${text}`,
    `${format}: ${text}`,
  );
}
