import { describe, expect, it } from 'vitest';
import { downloadableModelJson } from './modelDownload';

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
});
