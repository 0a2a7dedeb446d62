import * as tf from '@tensorflow/tfjs-core';
import { INPUT_PIXELS } from '../constants';
import { argMax } from '../model/softmax';
import { ensureAllKernels } from './backendKernels';
import { readOutputs, toModelInput, type ReadRows } from './conventions';
import type { ModelFiles } from './modelFiles';
import type { RunnableModel } from './RunnableModel';
import { UserModelError, type Convention, type UserModel } from './UserModel';

/**
 * Reads model inputs (784 values each, already in the model's convention) through output
 * `output`: one batched call, or one call per input for a model whose batch is fixed at 1.
 */
export function rowReader(
  model: RunnableModel,
  inputShape: readonly number[],
  output: number,
): ReadRows {
  const oneAtATime = inputShape[0] === 1;
  const readBatch = async (inputs: readonly Float32Array[]): Promise<Float32Array[]> => {
    const n = inputs.length;
    const x = tf.tidy(() => {
      const flat = new Float32Array(n * INPUT_PIXELS);
      inputs.forEach((input, i) => flat.set(input, i * INPUT_PIXELS));
      return tf.reshape(tf.tensor2d(flat, [n, INPUT_PIXELS]), [n, ...inputShape.slice(1)]);
    });
    let outputs: tf.Tensor[] = [];
    try {
      outputs = await model.run(x);
      const values = (await outputs[output]!.data()) as Float32Array;
      const size = values.length / n;
      return inputs.map((_, i) => values.slice(i * size, (i + 1) * size));
    } finally {
      x.dispose();
      tf.dispose(outputs);
    }
  };
  return async (inputs) => {
    if (inputs.length === 0) return [];
    if (!oneAtATime) return readBatch(inputs);
    const rows: Float32Array[] = [];
    for (const input of inputs) rows.push(...(await readBatch([input])));
    return rows;
  };
}

/** Values as nested arrays of `shape` (row-major), as a JSON tensor holds them. */
export function nest(values: ArrayLike<number>, shape: readonly number[]): unknown[] {
  const flat = Array.from(values);
  const build = (offset: number, [first = 0, ...rest]: readonly number[]): unknown[] => {
    if (rest.length === 0) return flat.slice(offset, offset + first);
    const size = rest.reduce((a, b) => a * b, 1);
    return Array.from({ length: first }, (_, i) => build(offset + i * size, rest));
  };
  return build(0, shape);
}

/** What the rest of the page holds: the checked model, its guesses, and how to read with it. */
export function userModelFromRunnable(
  model: RunnableModel,
  checked: {
    id: string;
    files: ModelFiles;
    inputShape: number[];
    output: number;
    outputs: UserModel['outputs'];
    guessed: Convention;
    probeScores: UserModel['probeScores'];
  },
): UserModel {
  const { files, inputShape, output } = checked;
  const read = rowReader(model, inputShape, output);
  let disposed = false;
  return {
    id: checked.id,
    name: files.name,
    format: model.format,
    inputShape,
    inputs: model.inputs,
    outputs: checked.outputs,
    bytes: files.bytes,
    guessed: checked.guessed,
    probeScores: checked.probeScores,
    predict: async (inputs, convention) => {
      if (disposed) throw new Error('predict on a disposed model');
      // The page may have moved to another backend (WebGL after wasm) since the model loaded.
      await ensureAllKernels();
      const rows = await read(inputs.map((input) => toModelInput(input, convention)));
      const bad = rows.find((row) => !row.every(Number.isFinite));
      if (bad) {
        throw new UserModelError(
          'Your model produced invalid scores (NaN or infinite) for this drawing.',
          `outputs ${Array.from(bad).join(', ')}`,
        );
      }
      return rows.map((row) => {
        const probabilities = readOutputs(row, convention.output);
        const digit = argMax(probabilities);
        return {
          outputs: Array.from(row),
          probabilities,
          digit,
          confidence: probabilities[digit]!,
        };
      });
    },
    // One example with its batch dimension of 1: exactly the `inputs` of a TF Serving predict
    // request for this drawing (predictRequestBody in servingMetadata.ts).
    fedTensor: (input, convention) =>
      nest(toModelInput(input, convention), [1, ...inputShape.slice(1)]),
    artifacts: { modelJson: { ...files.modelJson }, weightData: files.weightData },
    numTensors: () => tf.memory().numTensors,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      model.dispose();
    },
  };
}
