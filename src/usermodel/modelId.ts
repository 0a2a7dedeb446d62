/**
 * A model's content hash: SHA-256 (hex) of model.json, as JSON.stringify writes the parsed
 * object, followed by the weight bytes. Serialised again rather than hashed as read, so a copy
 * kept on the device (which keeps the parsed object) has the same id as the files it came from.
 */
export async function modelId(modelJson: object, weightData: ArrayBuffer): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(modelJson));
  const bytes = new Uint8Array(json.length + weightData.byteLength);
  bytes.set(json, 0);
  bytes.set(new Uint8Array(weightData), json.length);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
