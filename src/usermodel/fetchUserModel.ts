import { fetchModelArtifacts } from '../model/fetchModelArtifacts';
import { ModelLoadError } from '../model/ModelLoadError';
import { concatBuffers, parseModelJson, type ModelFiles } from './modelFiles';
import { UserModelError } from './UserModel';

type Fetch = (url: string) => Promise<Response>;

/**
 * Downloads a model from `url` (relative to `base`, the page's `document.baseURI`) through the
 * shipped model's checked fetch: status, a web page served for a shard, byte counts.
 */
export async function fetchUserModel(
  url: string,
  base: string,
  fetchFn: Fetch = (u) => fetch(u),
): Promise<ModelFiles> {
  const href = resolve(url, base);
  // fetchModelArtifacts keeps only the fields the shipped model uses; a graph model also needs
  // its signature, so model.json's text is read here from the same response.
  let jsonText: Promise<string> | null = null;
  let unreachable: string | null = null;
  const watched: Fetch = async (u) => {
    try {
      const response = await fetchFn(u);
      if (u === href) jsonText = response.clone().text();
      return response;
    } catch (error) {
      unreachable = u;
      throw error;
    }
  };
  let loaded: Awaited<ReturnType<typeof fetchModelArtifacts>>;
  try {
    loaded = await fetchModelArtifacts(href, watched);
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    if (unreachable !== null && new URL(unreachable).origin !== new URL(base).origin) {
      throw new UserModelError(blockedMessage(new URL(unreachable).host), error.detail);
    }
    throw new UserModelError(error.message, error.detail);
  }
  const text = await (jsonText ?? Promise.resolve(''));
  const modelJson = parseModelJson(text, href);
  const { weightData } = loaded.artifacts;
  const shards =
    weightData === undefined ? [] : Array.isArray(weightData) ? weightData : [weightData];
  return { name: href, modelJson, weightData: concatBuffers(shards), bytes: loaded.bytes };
}

function resolve(url: string, base: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch (error) {
    throw new UserModelError(
      `"${url}" is not a web address the page can load a model from.`,
      `${url} against ${base}: ${(error as Error).message}`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UserModelError(
      `The page loads models from http or https addresses only, not ${parsed.protocol}`,
      parsed.href,
    );
  }
  return parsed.href;
}

/**
 * The browser hides why a cross-origin fetch failed: a host that does not allow it (CORS) and
 * the page's own Content-Security-Policy (connect-src 'self') both look like a network error.
 */
const blockedMessage = (host: string) =>
  `Could not download the model from ${host}. Another site's files load only if that host ` +
  'allows it (CORS: Access-Control-Allow-Origin) and this page is set up to connect to it ' +
  '(its Content-Security-Policy, connect-src). Serve the model from this site, or pick its files.';
