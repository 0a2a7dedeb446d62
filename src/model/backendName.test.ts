import { describe, expect, it } from 'vitest';
import { parseBackendName } from './backendName';

describe('parseBackendName', () => {
  it('accepts the known backends only', () => {
    expect(parseBackendName('webgl')).toBe('webgl');
    expect(parseBackendName('wasm')).toBe('wasm');
    expect(parseBackendName('cpu')).toBe('cpu');
    expect(parseBackendName('WASM')).toBeNull();
    expect(parseBackendName('webgpu')).toBeNull();
    expect(parseBackendName('')).toBeNull();
    expect(parseBackendName(null)).toBeNull();
  });
});
