import { isSoftwareRenderer, type WebglSupport } from './webglSupport';

/** A canvas to ask for a WebGL context: the page's own, or an OffscreenCanvas in a worker. */
export type NewCanvas = () => HTMLCanvasElement | OffscreenCanvas;

/**
 * Asks the browser what WebGL would run on, with throwaway contexts released at once. First
 * with `failIfMajorPerformanceCaveat` (a browser that knows its WebGL is software refuses
 * it), then, if refused, without, to tell "slow" from "none"; then by the renderer's name.
 */
export function probeWebgl(
  newCanvas: NewCanvas = () => document.createElement('canvas'),
): WebglSupport {
  const fast = createContext(newCanvas, true);
  if (fast) {
    const renderer = release(fast);
    return isSoftwareRenderer(renderer)
      ? { kind: 'software', renderer, caveat: false }
      : { kind: 'gpu', renderer };
  }
  const slow = createContext(newCanvas, false);
  if (!slow) return { kind: 'none' };
  return { kind: 'software', renderer: release(slow), caveat: true };
}

type Gl = WebGLRenderingContext | WebGL2RenderingContext;

function createContext(newCanvas: NewCanvas, failIfMajorPerformanceCaveat: boolean): Gl | null {
  // WebGL 2 as tfjs uses it, else WebGL 1 (a canvas keeps the first context type it gave).
  return (
    (newCanvas().getContext('webgl2', { failIfMajorPerformanceCaveat }) as Gl | null) ??
    (newCanvas().getContext('webgl', { failIfMajorPerformanceCaveat }) as Gl | null)
  );
}

/** The renderer's name; the context is then lost on purpose, so it holds no GPU memory. */
function release(gl: Gl): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
