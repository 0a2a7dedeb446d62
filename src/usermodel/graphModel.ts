import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { graphEndsInSoftmax, graphSignature, signatureDims, tfDtype } from './graphSignature';
import type { RunnableModel } from './RunnableModel';
import type { TensorDescription } from './UserModel';

// A graph model (tensorflowjs_converter on a SavedModel) through tfjs-converter's own loader.
// Imported only by a dynamic import() in loadUserModel.ts: tfjs-converter is its own chunk,
// downloaded when a person loads a graph model, never by the default page.

/** Loads a graph model from its artifacts (in memory) and describes its signature. */
export async function loadGraph(artifacts: tf.io.ModelArtifacts): Promise<RunnableModel> {
  const model = await loadGraphModel(tf.io.fromMemory(artifacts));
  const signature = graphSignature(artifacts);
  const inputs: TensorDescription[] = model.inputs.map((t, i) => {
    const key = model.inputNodes[i] ?? t.name;
    const info = signature?.inputs[key];
    return {
      name: key,
      dtype: info?.dtype ?? tfDtype(t.dtype),
      shape: signatureDims(info) ?? (t.shape ?? []).map((d) => d ?? -1),
      tensorName: info?.name ?? `${t.name}:0`,
    };
  });
  const outputs: TensorDescription[] = model.outputs.map((t, i) => {
    const key = model.outputNodes[i] ?? t.name;
    const info = signature?.outputs[key] ?? signature?.outputs[key.replace(/:\d+$/, '')];
    return {
      name: key,
      dtype: info?.dtype ?? tfDtype(t.dtype),
      shape: signatureDims(info) ?? (t.shape ?? []).map((d) => d ?? -1),
      tensorName: info?.name ?? (key.includes(':') ? key : `${key}:0`),
    };
  });
  const outputNodeNames = model.outputs.map((t) => t.name);
  return {
    format: 'graph',
    inputs,
    outputs,
    run: runner(model),
    endsInSoftmax: (output) =>
      graphEndsInSoftmax(artifacts.modelTopology, outputNodeNames[output] ?? ''),
    dispose: () => model.dispose(),
  };
}

/**
 * `execute` (synchronous, inside tf.tidy) where the graph allows it; a graph with control flow
 * or dynamic shapes says so on its first run, and runs through `executeAsync` from then on.
 */
function runner(model: GraphModel): RunnableModel['run'] {
  const inputName = model.inputNodes[0] ?? '';
  const dtype = model.inputs[0]?.dtype;
  const names = model.outputNodes;
  let asynchronous = false;
  const feed = (x: tf.Tensor) => ({
    [inputName]: dtype === 'int32' ? tf.cast(x, 'int32') : x,
  });
  const list = (y: tf.Tensor | tf.Tensor[]) => (Array.isArray(y) ? y : [y]);
  return async (x) => {
    if (!asynchronous) {
      try {
        return tf.tidy(() => list(model.execute(feed(x), names)));
      } catch (error) {
        if (!/executeAsync/.test((error as Error).message)) throw error;
        asynchronous = true;
      }
    }
    const fed = feed(x);
    try {
      return list(await model.executeAsync(fed, names));
    } finally {
      if (fed[inputName] !== x) fed[inputName]?.dispose();
    }
  };
}
