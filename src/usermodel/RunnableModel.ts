import type { Tensor } from '@tensorflow/tfjs-core';
import type { TensorDescription, UserModelFormat } from './UserModel';

/**
 * A model as loaded by tfjs's own loader (graphModel.ts or layersModel.ts, each its own lazy
 * chunk), reduced to what loadUserModel needs from either format.
 */
export interface RunnableModel {
  format: UserModelFormat;
  /** As the model declares them; an output's shape may be unknown ([]) until it has run. */
  inputs: TensorDescription[];
  outputs: TensorDescription[];
  /**
   * Runs one batch shaped as the input wants; every output in `outputs` order, to be disposed
   * by the caller. The input is not disposed.
   */
  run(input: Tensor): Promise<Tensor[]>;
  /** The output ends in a softmax (a Softmax op, or a layer with softmax activation). */
  endsInSoftmax(output: number): boolean;
  dispose(): void;
}
