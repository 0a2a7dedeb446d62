import { describe, expect, it } from 'vitest';
import { fetchUserModel } from './fetchUserModel';
import { UserModelError } from './UserModel';

const PAGE = 'https://digits.example/app/index.html';
const modelJson = {
  format: 'graph-model',
  modelTopology: { node: [] },
  signature: { inputs: {}, outputs: {} },
  weightsManifest: [
    { paths: ['w1.bin', 'w2.bin'], weights: [{ name: 'w', shape: [3], dtype: 'float32' }] },
  ],
};

type Route = { status?: number; type?: string; body: BodyInit } | 'unreachable';

function server(routes: Record<string, Route>) {
  const requested: string[] = [];
  const fetchFn = async (url: string) => {
    requested.push(url);
    const route = routes[url];
    if (route === 'unreachable') throw new TypeError('Failed to fetch');
    if (!route) return new Response('not found', { status: 404 });
    return new Response(route.body, {
      status: route.status ?? 200,
      headers: { 'content-type': route.type ?? 'application/octet-stream' },
    });
  };
  return { fetchFn, requested };
}

const files = (base: string, json: unknown = modelJson): Record<string, Route> => ({
  [`${base}model.json`]: { body: JSON.stringify(json), type: 'application/json' },
  [`${base}w1.bin`]: { body: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) },
  [`${base}w2.bin`]: { body: new Uint8Array([9, 10, 11, 12]) },
});

async function failure(promise: Promise<unknown>): Promise<UserModelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserModelError);
  return error as UserModelError;
}

describe('fetchUserModel', () => {
  it('resolves a relative URL against the page and keeps the whole model.json', async () => {
    const { fetchFn, requested } = server(files('https://digits.example/app/models/mine/'));
    const read = await fetchUserModel('models/mine/model.json', PAGE, fetchFn);
    expect(requested).toEqual([
      'https://digits.example/app/models/mine/model.json',
      'https://digits.example/app/models/mine/w1.bin',
      'https://digits.example/app/models/mine/w2.bin',
    ]);
    expect(read.name).toBe('https://digits.example/app/models/mine/model.json');
    expect(read.modelJson).toEqual(modelJson); // with its signature
    expect(Array.from(new Uint8Array(read.weightData))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(read.bytes).toBe(JSON.stringify(modelJson).length + 12);
  });
  it('passes on the checked fetch messages: missing, a web page for a shard, short', async () => {
    const base = 'https://digits.example/app/m/';
    const missing = server({});
    expect((await failure(fetchUserModel('m/model.json', PAGE, missing.fetchFn))).message).toBe(
      'The model files are missing on the server: the model description (model.json) was not found.',
    );
    const html = server({
      ...files(base),
      [`${base}w2.bin`]: { body: '<html>', type: 'text/html' },
    });
    expect((await failure(fetchUserModel('m/model.json', PAGE, html.fetchFn))).message).toBe(
      'The model weights are missing on the server (it sent a web page instead).',
    );
    const short = server({ ...files(base), [`${base}w2.bin`]: { body: new Uint8Array(3) } });
    expect((await failure(fetchUserModel('m/model.json', PAGE, short.fetchFn))).message).toBe(
      'The model weights are incomplete or damaged (11 of 12 bytes).',
    );
  });
  it('says what is not a tfjs model', async () => {
    const base = 'https://digits.example/app/m/';
    const { fetchFn } = server(files(base, { format: 'graph-model' }));
    expect((await failure(fetchUserModel('m/model.json', PAGE, fetchFn))).message).toBe(
      'The model description is incomplete (model.json has no topology or weights manifest).',
    );
  });
  it('says another host must allow the page (CORS) when a cross-origin fetch fails', async () => {
    const { fetchFn } = server({ 'https://models.example/model.json': 'unreachable' });
    const error = await failure(fetchUserModel('https://models.example/model.json', PAGE, fetchFn));
    expect(error.message).toMatch(/^Could not download the model from models\.example\. /);
    expect(error.message).toMatch(/CORS: Access-Control-Allow-Origin/);
    expect(error.message).toMatch(/Content-Security-Policy, connect-src/);
    expect(error.detail).toMatch(/Failed to fetch/);
    // The same failure on the page's own host is a connection problem.
    const own = server({ 'https://digits.example/app/model.json': 'unreachable' });
    expect((await failure(fetchUserModel('model.json', PAGE, own.fetchFn))).message).toBe(
      'Could not download the model description (model.json). Check your connection and try again.',
    );
  });
  it('refuses what is not an http(s) address', async () => {
    const { fetchFn, requested } = server({});
    expect((await failure(fetchUserModel('javascript:alert(1)', PAGE, fetchFn))).message).toBe(
      'The page loads models from http or https addresses only, not javascript:',
    );
    expect((await failure(fetchUserModel('http://[bad', PAGE, fetchFn))).message).toBe(
      '"http://[bad" is not a web address the page can load a model from.',
    );
    expect(requested).toEqual([]);
  });
});
