import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { availableParallelism } from 'node:os';
import { registerWasmConvGradients } from './wasmConvGradients';

/** Makes the wasm backend current in Node, able to train convolutions. */
export async function startWasmBackend(threads = availableParallelism()): Promise<void> {
  setThreadsCount(threads);
  registerWasmConvGradients();
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend failed to start');
  await tf.ready();
}
