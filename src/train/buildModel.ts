// The networks the Train panel offers (issue 26), named for the serving signature the page
// and `npm run eval` read: input `flatten_input` [-1, 28, 28], output `dense_1` [-1, 10] logits.
import * as tfl from '@tensorflow/tfjs-layers';
import { INPUT_SIZE, NUM_CLASSES } from '../constants';
import type { TrainArch } from './trainProtocol';

export const INPUT_NAME = 'flatten_input';
export const OUTPUT_NAME = 'dense_1';

// The defaults live apart so the page can read them without tfjs; kept here too for callers
// that already import them from this module.
export { DEFAULT_SETTINGS, type ArchDefaults } from './defaultSettings';

/** An untrained model [batch, 28, 28] in 0..1 -> 10 logits; seeded when `seed` is given. */
export function buildModel(arch: TrainArch, seed?: number): tfl.LayersModel {
  const input = tfl.input({ shape: [INPUT_SIZE, INPUT_SIZE], name: INPUT_NAME });
  const init = (offset: number) =>
    tfl.initializers.glorotUniform({ seed: seed === undefined ? undefined : seed + offset });
  const layers = arch === 'dense128' ? dense128Layers(init, seed) : cnnLayers(init);
  const output = layers.reduce<tfl.SymbolicTensor>(
    (x, layer) => layer.apply(x) as tfl.SymbolicTensor,
    input,
  );
  return tfl.model({ inputs: input, outputs: output, name: `mnist_${arch}` });
}

type Init = (offset: number) => ReturnType<typeof tfl.initializers.glorotUniform>;

/** The tutorial's model, with Keras' layer names: Flatten -> Dense 128 relu -> Dropout 0.2 -> Dense 10. */
function dense128Layers(init: Init, seed: number | undefined) {
  return [
    tfl.layers.flatten({ name: 'flatten' }),
    tfl.layers.dense({ units: 128, activation: 'relu', name: 'dense', kernelInitializer: init(0) }),
    tfl.layers.dropout({ rate: 0.2, name: 'dropout', seed }),
    tfl.layers.dense({ units: NUM_CLASSES, name: OUTPUT_NAME, kernelInitializer: init(1) }),
  ];
}

/** Two small 3x3 convolutions, each pooled, then Dense 64: ~56k parameters. */
function cnnLayers(init: Init) {
  return [
    tfl.layers.reshape({ targetShape: [INPUT_SIZE, INPUT_SIZE, 1], name: 'reshape' }),
    tfl.layers.conv2d({
      filters: 16,
      kernelSize: 3,
      activation: 'relu',
      name: 'conv1',
      kernelInitializer: init(0),
    }),
    tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool1' }),
    tfl.layers.conv2d({
      filters: 32,
      kernelSize: 3,
      activation: 'relu',
      name: 'conv2',
      kernelInitializer: init(1),
    }),
    tfl.layers.maxPooling2d({ poolSize: 2, name: 'pool2' }),
    tfl.layers.flatten({ name: 'flatten' }),
    tfl.layers.dense({ units: 64, activation: 'relu', name: 'dense', kernelInitializer: init(2) }),
    tfl.layers.dense({ units: NUM_CLASSES, name: OUTPUT_NAME, kernelInitializer: init(3) }),
  ];
}
