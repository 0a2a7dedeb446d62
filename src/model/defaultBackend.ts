import type { BackendName } from './backendName';
import { softwareRendererName, type WebglSupport } from './webglSupport';

/** The backend the default page runs on, and why it is not WebGL, in words for the page. */
export interface DefaultBackend {
  name: BackendName;
  /** Why WebGL is not used, ending before ", so the model runs on ..." is added. */
  whyNotWebgl?: string;
}

/**
 * A real GPU runs the model fastest on WebGL. Without one, WebGL is either missing or drawn in
 * software on the CPU, where the wasm backend (SIMD) answers many times faster and starts with
 * no shaders to compile; `?backend=webgl` still forces WebGL.
 */
export function defaultBackend(webgl: WebglSupport): DefaultBackend {
  switch (webgl.kind) {
    case 'gpu':
      return { name: 'webgl' };
    case 'none':
      return { name: 'wasm', whyNotWebgl: 'WebGL is not available here' };
    case 'software':
      return {
        name: 'wasm',
        whyNotWebgl: webgl.caveat
          ? 'The browser reports that WebGL here has no hardware acceleration'
          : `WebGL here is drawn in software (${softwareRendererName(webgl.renderer)}), not on a graphics processor`,
      };
  }
}
