/** The binaries tfjs-backend-wasm knows; its setWasmPaths throws unless each has a path. */
export const WASM_BINARY_NAMES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;
export type WasmBinaryName = (typeof WASM_BINARY_NAMES)[number];

/**
 * setWasmPaths' map from binary names to our own (hashed) URLs. tfjs picks SIMD when the
 * browser validates it, else the plain build. The threaded build is not shipped: it needs
 * SharedArrayBuffer, so cross-origin isolation headers a static host cannot promise. Threads
 * are switched off, so its name is never looked up; it points at the SIMD binary to satisfy
 * setWasmPaths rather than ship 430 KB nothing loads.
 */
export function wasmBinaryPaths(urls: {
  plain: string;
  simd: string;
}): Record<WasmBinaryName, string> {
  return {
    'tfjs-backend-wasm.wasm': urls.plain,
    'tfjs-backend-wasm-simd.wasm': urls.simd,
    'tfjs-backend-wasm-threaded-simd.wasm': urls.simd,
  };
}
