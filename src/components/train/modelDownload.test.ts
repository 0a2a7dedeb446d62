import { describe, expect, it } from 'vitest';
import { downloadableModelJson, weightsFileName } from './modelDownload';

const spec = (name: string) => ({ name, shape: [2], dtype: 'float32' });

describe('downloadableModelJson', () => {
  it('names the saved shard in one manifest group, weights in order, the rest kept', () => {
    const modelJson = {
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential' },
      weightsManifest: [
        { paths: ['group1-shard1of1.bin'], weights: [spec('a'), spec('b')] },
        { paths: ['group2-shard1of1.bin'], weights: [spec('c')] },
      ],
      userDefinedMetadata: { signature: { inputs: 'flatten_input' } },
    };
    const text = downloadableModelJson({ modelJson, weightData: new ArrayBuffer(24) });
    expect(JSON.parse(text)).toEqual({
      ...modelJson,
      weightsManifest: [{ paths: ['weights.bin'], weights: [spec('a'), spec('b'), spec('c')] }],
    });
  });

  it('refuses a model.json without a manifest', () => {
    expect(() =>
      downloadableModelJson({
        modelJson: { format: 'layers-model' },
        weightData: new ArrayBuffer(0),
      }),
    ).toThrow(/no weights manifest/);
  });

  it("names each run's weights by its architecture and time, so downloads never collide", () => {
    const files = (architecture?: string) => ({
      modelJson: { userDefinedMetadata: architecture ? { architecture } : {} },
      weightData: new ArrayBuffer(0),
    });
    const when = new Date(2026, 11, 3, 7, 5, 9);
    expect(weightsFileName(files('dense128'), when)).toBe('weights-dense128-20261203-070509.bin');
    expect(weightsFileName(files('../x y'), when)).toBe('weights-xy-20261203-070509.bin');
    expect(weightsFileName(files(), when)).toBe('weights-model-20261203-070509.bin');
  });
});
