import type { io } from '@tensorflow/tfjs-core';
import { ModelLoadError } from './ModelLoadError';
import { weightBytes } from './weightBytes';

type Fetch = (url: string) => Promise<Response>;

// tfjs's own http loader trusts whatever the server answers: a host that serves index.html
// (status 200, text/html) for a missing shard yields a model that outputs NaN. So every
// response is checked here: status, content type and byte length against the manifest.

/** Fetches model.json and its weight shards, checked, as tfjs ModelArtifacts. */
export async function fetchModelArtifacts(
  modelJsonUrl: string,
  fetchFn: Fetch = (url) => fetch(url),
): Promise<{ artifacts: io.ModelArtifacts; bytes: number }> {
  const response = await get(modelJsonUrl, fetchFn, 'the model description (model.json)');
  const text = await response.text();
  let json: io.ModelJSON;
  try {
    json = JSON.parse(text) as io.ModelJSON;
  } catch (error) {
    throw new ModelLoadError(
      'The model description is damaged (model.json is not valid JSON).',
      `${modelJsonUrl}: ${(error as Error).message}; starts with ${JSON.stringify(text.slice(0, 60))}`,
    );
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
    throw new ModelLoadError(
      'The model description is incomplete (model.json has no topology or weights manifest).',
      `${modelJsonUrl}: keys ${Object.keys(json ?? {}).join(', ')}`,
    );
  }
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const paths = json.weightsManifest.flatMap((group) => group.paths);
  const shards = await Promise.all(
    paths.map(async (path) => {
      const url = new URL(path, modelJsonUrl).href;
      const shard = await get(url, fetchFn, 'the model weights');
      const type = shard.headers.get('content-type') ?? '';
      if (/text\/html|application\/json/i.test(type)) {
        throw new ModelLoadError(
          'The model weights are missing on the server (it sent a web page instead).',
          `${url}: content-type ${type}`,
        );
      }
      return shard.arrayBuffer();
    }),
  );
  const expected = weightBytes(specs);
  const actual = shards.reduce((n, b) => n + b.byteLength, 0);
  if (actual !== expected) {
    throw new ModelLoadError(
      `The model weights are incomplete or damaged (${actual} of ${expected} bytes).`,
      `${paths.join(', ')}: ${actual} bytes, manifest expects ${expected}`,
    );
  }
  const artifacts: io.ModelArtifacts = {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    weightSpecs: specs,
    weightData: shards,
    userDefinedMetadata: json.userDefinedMetadata,
  };
  return { artifacts, bytes: new TextEncoder().encode(text).length + actual };
}

async function get(url: string, fetchFn: Fetch, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new ModelLoadError(
      `Could not download ${what}. Check your connection and try again.`,
      `${url}: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    throw new ModelLoadError(
      response.status === 404
        ? `The model files are missing on the server: ${what} was not found.`
        : `The server refused ${what} (HTTP ${response.status}).`,
      `${url}: HTTP ${response.status} ${response.statusText}`,
    );
  }
  return response;
}
