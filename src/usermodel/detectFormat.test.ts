import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat';

const json = (extra: object) => ({ weightsManifest: [], modelTopology: {}, ...extra });

describe('detectFormat', () => {
  it("reads model.json's format, or else the topology's kind", () => {
    expect(detectFormat(json({ format: 'graph-model' }))).toBe('graph');
    expect(detectFormat(json({ modelTopology: { node: [] } }))).toBe('graph');
    expect(detectFormat(json({ format: 'layers-model' }))).toBe('layers');
    expect(detectFormat(json({ modelTopology: { class_name: 'Sequential' } }))).toBe('layers');
    expect(detectFormat(json({ modelTopology: { model_config: {} } }))).toBe('layers');
  });
  it('refuses anything else', () => {
    expect(() => detectFormat(json({ modelTopology: { nodes: [] } }))).toThrow(
      'This model.json is neither a tfjs graph model nor a tfjs layers model.',
    );
  });
});
