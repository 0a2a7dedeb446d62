/**
 * URL of model.json for a page served under any sub-path. Vite's BASE_URL is './' here, so it
 * resolves against the page itself; tfjs resolves weight shards against this URL in turn.
 */
export function modelJsonUrl(baseUrl: string, documentUrl: string): string {
  return new URL('model/model.json', new URL(baseUrl, documentUrl)).href;
}
