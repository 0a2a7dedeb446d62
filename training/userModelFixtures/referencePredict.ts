import * as tf from '@tensorflow/tfjs';
import { fixturePath } from './fixtureCatalog';
import { loadFixture } from './modelDir';

/**
 * The ten outputs tfjs gives in Node (cpu backend) for `fedTensor`: nested arrays of one
 * image, batch dimension first, exactly as the page fed the model (its predict request body's
 * tensor), so an e2e spec can compare the page's numbers with Node's for the same input.
 * `fixtureDir` is a folder holding model.json: absolute, or relative to e2e/user-models
 * ('cnn-graph', 'dense128-layers'). Outputs are as the model gives them: logits or
 * probabilities. A layers model with a second (not-a-digit) output gives its ten-wide one.
 */
export async function referencePredict(fixtureDir: string, fedTensor: unknown): Promise<number[]> {
  const { values, shape } = flatten(fedTensor);
  if (shape[0] !== 1) throw new Error(`expected a batch of one image, got shape [${shape}]`);
  await tf.setBackend('cpu');
  const loaded = await loadFixture(fixturePath(fixtureDir));
  try {
    const input = tf.tensor(values, shape, 'float32');
    const raw = loaded.model.predict(input);
    const outputs =
      raw instanceof tf.Tensor ? [raw] : Array.isArray(raw) ? raw : Object.values(raw);
    const ten = outputs.find((t) => t.shape.length === 2 && t.shape[1] === 10);
    const result = ten ? Array.from(await ten.data()) : null;
    tf.dispose([input, ...outputs]);
    if (!result) throw new Error(`${fixtureDir}: no output of shape [1, 10]`);
    return result;
  } finally {
    loaded.model.dispose();
  }
}

/** Nested arrays of numbers as flat values and their (rectangular) shape. */
export function flatten(nested: unknown): { values: number[]; shape: number[] } {
  if (typeof nested === 'number') return { values: [nested], shape: [] };
  if (!Array.isArray(nested) || nested.length === 0) {
    throw new Error(
      `expected nested arrays of numbers, found ${JSON.stringify(nested)?.slice(0, 40)}`,
    );
  }
  const parts = nested.map(flatten);
  const inner = parts[0]!.shape;
  if (parts.some((p) => p.shape.join() !== inner.join())) throw new Error('ragged nested arrays');
  return { values: parts.flatMap((p) => p.values), shape: [nested.length, ...inner] };
}
