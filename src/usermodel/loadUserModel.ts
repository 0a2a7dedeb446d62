import * as tf from '@tensorflow/tfjs-core';
import { ensureAllKernels } from './backendKernels';
import { chooseOutput } from './chooseOutput';
import { guessConvention } from './conventions';
import { detectFormat } from './detectFormat';
import { fetchUserModel } from './fetchUserModel';
import { checkInputShape } from './inputShape';
import { keptModelFiles, toArtifacts, type ModelFiles } from './modelFiles';
import { modelId } from './modelId';
import { probeInputs } from './probeInputs';
import { readModelFiles } from './readModelFiles';
import { describeLoadError, describeRunError } from './runError';
import type { RunnableModel } from './RunnableModel';
import type { UserModel, UserModelSource } from './UserModel';
import { rowReader, userModelFromRunnable } from './userModelFromRunnable';

export interface LoadUserModelOptions {
  /** What relative URLs resolve against: the page's `document.baseURI` by default. */
  base?: string;
  /** For tests: the fetch a URL source goes through. */
  fetch?: (url: string) => Promise<Response>;
}

/**
 * Loads a person's converted tfjs model (graph or layers) on the current backend and checks
 * it before use: its files, one 28x28 input, ten output classes, a first run (ops the backend
 * cannot run), finite outputs on the known test drawings, from which it guesses the model's
 * input and output conventions. Every problem is a UserModelError; nothing is left loaded.
 */
export async function loadUserModel(
  source: UserModelSource,
  options: LoadUserModelOptions = {},
): Promise<UserModel> {
  const files = await readSource(source, options);
  const format = detectFormat(files.modelJson);
  await ensureAllKernels();
  const artifacts = toArtifacts(files);
  let model: RunnableModel;
  try {
    // Each format's loader is its own chunk: the page downloads tfjs-converter (graph) or
    // tfjs-layers (layers) only when a person loads a model of that format.
    model =
      format === 'graph'
        ? await (await import('./graphModel')).loadGraph(artifacts)
        : await (await import('./layersModel')).loadLayers(artifacts);
  } catch (error) {
    throw describeLoadError(error, format);
  }
  try {
    return await checkModel(model, files);
  } catch (error) {
    model.dispose();
    throw error;
  }
}

function readSource(source: UserModelSource, options: LoadUserModelOptions): Promise<ModelFiles> {
  switch (source.kind) {
    case 'files':
      return readModelFiles(source.files);
    case 'url':
      return fetchUserModel(source.url, options.base ?? document.baseURI, options.fetch);
    case 'kept':
      return Promise.resolve().then(() => keptModelFiles(source.kept));
  }
}

async function checkModel(model: RunnableModel, files: ModelFiles): Promise<UserModel> {
  const inputShape = checkInputShape(model.inputs);
  // The first run compiles (WebGL) and meets any op or kernel the backend lacks; it also gives
  // the outputs' shapes where the model.json does not declare them.
  const computed = await firstRun(model, inputShape);
  const outputs = model.outputs.map((o, i) => ({
    ...o,
    shape: o.shape.length > 0 ? o.shape : [-1, ...computed[i]!.slice(1)],
  }));
  const output = chooseOutput(
    outputs.map((o, i) => ({ name: o.name, shape: [-1, ...computed[i]!.slice(1)] })),
  );
  const { guessed, probeScores } = await guessConvention(
    rowReader(model, inputShape, output),
    probeInputs(),
    model.endsInSoftmax(output),
  );
  const id = await modelId(files.modelJson, files.weightData);
  return userModelFromRunnable(model, {
    id,
    files,
    inputShape,
    output,
    outputs,
    guessed,
    probeScores,
  });
}

/** Runs one blank input; the shape of each output. */
async function firstRun(model: RunnableModel, inputShape: readonly number[]): Promise<number[][]> {
  const backend = tf.getBackend();
  const x = tf.zeros([1, ...inputShape.slice(1)]);
  let outputs: tf.Tensor[] = [];
  try {
    outputs = await model.run(x);
    // Reading the values makes a lazy backend (WebGL) actually run every op.
    await Promise.all(outputs.map((o) => o.data()));
    return outputs.map((o) => o.shape);
  } catch (error) {
    throw describeRunError(error, backend);
  } finally {
    x.dispose();
    tf.dispose(outputs);
  }
}
