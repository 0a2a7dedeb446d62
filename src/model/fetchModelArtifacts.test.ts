import { describe, expect, it } from 'vitest';
import { fetchModelArtifacts } from './fetchModelArtifacts';

const MODEL_URL = 'https://example.org/tools/digits/model/model.json';
const modelJson = {
  format: 'layers-model',
  modelTopology: { class_name: 'Model' },
  weightsManifest: [
    {
      paths: ['group1-shard1of1.bin'],
      weights: [
        {
          name: 'w',
          shape: [2, 3],
          dtype: 'float32',
          quantization: { dtype: 'uint8', min: 0, scale: 1 },
        },
        { name: 'b', shape: [3], dtype: 'float32' },
      ],
    },
  ],
  userDefinedMetadata: { architecture: 'cnn' },
};
const WEIGHT_BYTES = 6 + 12;

type Route = { status?: number; type?: string; body: string | Uint8Array<ArrayBuffer> };

function server(routes: Record<string, Route>) {
  const requested: string[] = [];
  const fetchFn = async (url: string) => {
    requested.push(url);
    const route = routes[url];
    if (!route) return new Response('not found', { status: 404 });
    return new Response(route.body, {
      status: route.status ?? 200,
      headers: { 'content-type': route.type ?? 'application/octet-stream' },
    });
  };
  return { fetchFn, requested };
}

const SHARD_URL = 'https://example.org/tools/digits/model/group1-shard1of1.bin';
const good = (): Record<string, Route> => ({
  [MODEL_URL]: { type: 'application/json', body: JSON.stringify(modelJson) },
  [SHARD_URL]: { body: new Uint8Array(WEIGHT_BYTES) },
});

describe('fetchModelArtifacts', () => {
  it('loads model.json and its shard relative to model.json (any sub-path)', async () => {
    const { fetchFn, requested } = server(good());
    const { artifacts, bytes } = await fetchModelArtifacts(MODEL_URL, fetchFn);
    expect(requested).toEqual([MODEL_URL, SHARD_URL]);
    expect(artifacts.weightSpecs).toHaveLength(2);
    expect(artifacts.userDefinedMetadata).toEqual({ architecture: 'cnn' });
    expect(bytes).toBe(JSON.stringify(modelJson).length + WEIGHT_BYTES);
  });

  it('says the model is missing when model.json is a 404', async () => {
    const routes = good();
    delete routes[MODEL_URL];
    await expect(fetchModelArtifacts(MODEL_URL, server(routes).fetchFn)).rejects.toThrow(
      /model files are missing/,
    );
  });

  it('rejects model.json that is not JSON', async () => {
    const routes = good();
    routes[MODEL_URL] = { type: 'application/json', body: '{"format": "layers-mo' };
    await expect(fetchModelArtifacts(MODEL_URL, server(routes).fetchFn)).rejects.toThrow(
      /not valid JSON/,
    );
  });

  it('rejects a missing shard, and a shard answered with a web page', async () => {
    const missing = good();
    delete missing[SHARD_URL];
    await expect(fetchModelArtifacts(MODEL_URL, server(missing).fetchFn)).rejects.toThrow(
      /missing/,
    );
    const spa = good();
    spa[SHARD_URL] = { type: 'text/html', body: '<!doctype html><html></html>' };
    await expect(fetchModelArtifacts(MODEL_URL, server(spa).fetchFn)).rejects.toThrow(/web page/);
  });

  it('rejects a truncated shard', async () => {
    const routes = good();
    routes[SHARD_URL] = { body: new Uint8Array(WEIGHT_BYTES - 1) };
    await expect(fetchModelArtifacts(MODEL_URL, server(routes).fetchFn)).rejects.toThrow(
      /17 of 18 bytes/,
    );
  });

  it('turns a network failure into a message for the user', async () => {
    const fetchFn = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchModelArtifacts(MODEL_URL, fetchFn)).rejects.toThrow(/Check your connection/);
  });
});
