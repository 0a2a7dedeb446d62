import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { modelId } from './modelId';

describe('modelId', () => {
  it('is SHA-256 of model.json as JSON.stringify writes it, then the weights', async () => {
    const json = { format: 'graph-model', weightsManifest: [] };
    const weights = new Uint8Array([1, 2, 3]).buffer;
    const expected = createHash('sha256')
      .update(JSON.stringify(json))
      .update(new Uint8Array(weights))
      .digest('hex');
    expect(await modelId(json, weights)).toBe(expected);
    expect(await modelId(json, new Uint8Array([1, 2, 4]).buffer)).not.toBe(expected);
  });
});
