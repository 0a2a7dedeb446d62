import { describe, expect, it } from 'vitest';
import { defaultBackend } from './defaultBackend';

describe('defaultBackend', () => {
  it('runs on WebGL with a GPU, and says nothing', () => {
    expect(defaultBackend({ kind: 'gpu', renderer: 'Mali-G78' })).toEqual({ name: 'webgl' });
  });

  it('runs on wasm on a software rasteriser, naming it', () => {
    const choice = defaultBackend({
      kind: 'software',
      renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      caveat: false,
    });
    expect(choice.name).toBe('wasm');
    expect(choice.whyNotWebgl).toBe(
      'WebGL here is drawn in software (SwiftShader), not on a graphics processor',
    );
  });

  it('runs on wasm when the browser refuses failIfMajorPerformanceCaveat', () => {
    const choice = defaultBackend({ kind: 'software', renderer: 'WebKit WebGL', caveat: true });
    expect(choice.name).toBe('wasm');
    expect(choice.whyNotWebgl).toMatch(/no hardware acceleration/);
  });

  it('runs on wasm without WebGL', () => {
    expect(defaultBackend({ kind: 'none' })).toEqual({
      name: 'wasm',
      whyNotWebgl: 'WebGL is not available here',
    });
  });
});
