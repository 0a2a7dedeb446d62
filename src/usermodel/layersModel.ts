import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { tfDtype } from './graphSignature';
import type { RunnableModel } from './RunnableModel';
import type { TensorDescription } from './UserModel';

// A layers model (tensorflowjs_converter on a Keras model) through tfjs-layers' own loader,
// so any architecture tfjs can run works. Imported only by a dynamic import() in
// loadUserModel.ts: the shipped model runs without tfjs-layers (forwardModel.ts).

/** Loads a layers model from its artifacts (in memory) and describes its inputs and outputs. */
export async function loadLayers(artifacts: tf.io.ModelArtifacts): Promise<RunnableModel> {
  const model = await loadLayersModel(tf.io.fromMemory(artifacts));
  const describe = (name: string, dtype: string, shape: (number | null)[]): TensorDescription => ({
    name,
    dtype: tfDtype(dtype),
    shape: shape.map((d) => d ?? -1),
  });
  const inputs = model.inputs.map((t) => describe(t.name, t.dtype, t.shape));
  const outputs = model.outputs.map((t) => describe(t.sourceLayer.name, t.dtype, t.shape));
  return {
    format: 'layers',
    inputs,
    outputs,
    run: async (x) =>
      tf.tidy(() => {
        const y = model.predict(x);
        return Array.isArray(y) ? y : [y];
      }),
    endsInSoftmax: (output) => {
      const layer = model.outputs[output]?.sourceLayer;
      if (!layer) return false;
      if (layer.getClassName() === 'Softmax') return true;
      return (layer.getConfig() as { activation?: unknown }).activation === 'softmax';
    },
    dispose: () => model.dispose(),
  };
}
