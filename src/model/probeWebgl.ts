import { isSoftwareRenderer, type WebglSupport } from './webglSupport';

/**
 * Asks the browser what WebGL would run on, with throwaway contexts released at once. First
 * with `failIfMajorPerformanceCaveat` (a browser that knows its WebGL is software refuses
 * it), then, if refused, without, to tell "slow" from "none"; then by the renderer's name.
 */
export function probeWebgl(): WebglSupport {
  const fast = createContext(true);
  if (fast) {
    const renderer = release(fast);
    return isSoftwareRenderer(renderer)
      ? { kind: 'software', renderer, caveat: false }
      : { kind: 'gpu', renderer };
  }
  const slow = createContext(false);
  if (!slow) return { kind: 'none' };
  return { kind: 'software', renderer: release(slow), caveat: true };
}

type Gl = WebGLRenderingContext | WebGL2RenderingContext;

function createContext(failIfMajorPerformanceCaveat: boolean): Gl | null {
  // WebGL 2 as tfjs uses it, else WebGL 1 (a canvas keeps the first context type it gave).
  return (
    document.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat }) ??
    document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat })
  );
}

/** The renderer's name; the context is then lost on purpose, so it holds no GPU memory. */
function release(gl: Gl): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
