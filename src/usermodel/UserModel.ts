// A model the person brought (issue 25): what the rest of the page may rely on, whichever
// format it came in. Loading lives in loadUserModel.ts (lazy: graph and layers support are
// separate chunks), keeping in userModelStore.ts, the page's side in hooks/useUserModel.ts.

/** tfjs's two formats: `tensorflowjs_converter` on a SavedModel, or on a Keras model. */
export type UserModelFormat = 'graph' | 'layers';

/** The values the model was trained on: the page's input is 0..1. */
export type InputRange = '0..1' | '0..255' | '-1..1';

/** MNIST is white digits on black; some models were trained on black on white. */
export type Polarity = 'white-on-black' | 'black-on-white';

/** What the ten outputs are: logits (any real numbers) or softmax probabilities. */
export type OutputKind = 'logits' | 'probabilities';

/** How the page's drawing is fed to the model and how its outputs are read. */
export interface Convention {
  range: InputRange;
  polarity: Polarity;
  output: OutputKind;
}

/** One tensor of the model's signature: name, dtype, shape (-1 for any size). */
export interface TensorDescription {
  /** The signature's key (a graph model's signature key or node name, a layer's name). */
  name: string;
  /** TF's dtype name, e.g. `DT_FLOAT`. */
  dtype: string;
  shape: number[];
  /** The graph tensor the key stands for (`serving_default_x:0`), where the model names one. */
  tensorName?: string;
}

/** A copy kept on the device (userModelStore.ts's KeptUserModel fits): its name and files. */
export interface KeptModelFiles {
  name: string;
  artifacts: KeptArtifacts;
}

/** Where a model comes from: files picked or dropped (model.json + shards), a URL, or a kept copy. */
export type UserModelSource =
  | { kind: 'files'; files: readonly File[] }
  | { kind: 'url'; url: string }
  | { kind: 'kept'; kept: KeptModelFiles };

/** One drawing read by the person's model. */
export interface UserPrediction {
  /** The ten outputs exactly as the model gave them (logits or probabilities). */
  outputs: number[];
  /** Ten probabilities summing to 1 (softmax of logits, or the outputs as given). */
  probabilities: number[];
  digit: number;
  confidence: number;
}

export interface UserModel {
  /** Content hash of model.json and the weights: keys the kept copy and the convention. */
  id: string;
  /** What the person would call it: the model.json's folder or file name, or the URL. */
  name: string;
  format: UserModelFormat;
  /** The input tensor's shape as the model declares it, e.g. [-1, 28, 28, 1]. */
  inputShape: number[];
  inputs: TensorDescription[];
  outputs: TensorDescription[];
  /** model.json and weight bytes. */
  bytes: number;
  /** The convention guessed from the outputs and the known test drawings, best first. */
  guessed: Convention;
  /** How well each input convention read the known test drawings (right of total). */
  probeScores: { range: InputRange; polarity: Polarity; right: number; total: number }[];
  /**
   * Reads page inputs (784 values each, 0..1, white on black, as the shipped model gets them)
   * in one batched call under `convention`.
   */
  predict(inputs: readonly Float32Array[], convention: Convention): Promise<UserPrediction[]>;
  /** The tensor the page feeds the model for `input`, as nested arrays of its input shape. */
  fedTensor(input: Float32Array, convention: Convention): unknown;
  /** The files as loaded, to keep on the device (userModelStore.ts). */
  artifacts: KeptArtifacts;
  /** Tensors alive in the backend. */
  numTensors(): number;
  dispose(): void;
}

/** A model's files in one plain object, as kept in IndexedDB. */
export interface KeptArtifacts {
  /** model.json as parsed, with its weightsManifest. */
  modelJson: Record<string, unknown>;
  /** The weight shards concatenated in manifest order. */
  weightData: ArrayBuffer;
}

/** A model the page cannot use, with a message written for the person using the page. */
export class UserModelError extends Error {
  constructor(
    message: string,
    /** Technical detail for the console and bug reports. */
    readonly detail: string,
  ) {
    super(message);
    this.name = 'UserModelError';
  }
}
