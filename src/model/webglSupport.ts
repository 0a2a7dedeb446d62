/**
 * What WebGL runs on here, as far as the default backend is concerned. 'software' is a
 * rasteriser running on the CPU (SwiftShader, llvmpipe, WARP...) or a context the browser
 * refuses under `failIfMajorPerformanceCaveat`: WebGL there is slower than the CPU backends.
 */
export type WebglSupport =
  | { kind: 'gpu'; renderer: string }
  | { kind: 'software'; renderer: string; caveat: boolean }
  | { kind: 'none' };

// Chrome's SwiftShader, Mesa's llvmpipe and softpipe, Windows' WARP ("Microsoft Basic Render
// Driver"), Apple's software renderer; through ANGLE each appears inside a longer string.
const SOFTWARE_RENDERERS = [
  /swiftshader/i,
  /llvmpipe/i,
  /softpipe/i,
  /microsoft basic render driver/i,
  /\bwarp\b/i,
  /software (renderer|rasterizer)/i,
];

/** True when the WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.some((pattern) => pattern.test(renderer));
}

/** The rasteriser's own name for the page ("SwiftShader"), or the renderer string itself. */
export function softwareRendererName(renderer: string): string {
  const known = ['SwiftShader', 'llvmpipe', 'softpipe', 'Microsoft Basic Render Driver', 'WARP'];
  return known.find((name) => renderer.toLowerCase().includes(name.toLowerCase())) ?? renderer;
}
