import type * as tf from '@tensorflow/tfjs';
import { INPUT_SIZE } from '../src/constants';
import { servingTensor, type ModelMetadata } from '../src/model/modelFormat';
import { VALIDATION_SIZE } from './mnist';
import { INPUT_NAME } from './model';
import { MAX_RATE, MIN_RATE } from './trainEpoch';
import { trainCommand, type TrainOptions } from './trainOptions';

/** model.json's description of a trained model, built from the options it was trained with. */
export function modelMetadata(
  model: tf.LayersModel,
  options: TrainOptions,
  training: ModelMetadata['training'],
  accuracy: ModelMetadata['accuracy'],
): ModelMetadata {
  return {
    signature_def: {
      serving_default: {
        inputs: { [INPUT_NAME]: servingTensor(INPUT_NAME, [-1, INPUT_SIZE, INPUT_SIZE]) },
        // The seed's ten logits, and the not-a-digit logit where the model has one.
        outputs: Object.fromEntries(
          model.outputs.map((o) => {
            const name = o.sourceLayer.name;
            return [name, servingTensor(name, [-1, o.shape[1]!])];
          }),
        ),
        method_name: 'tensorflow/serving/predict',
      },
    },
    architecture: options.arch,
    parameterCount: model.countParams(),
    training,
    accuracy,
  };
}

/** How the model was trained: the command that repeats it, and what it chose and took. */
export function trainingRecord(
  options: TrainOptions,
  bestEpoch: number,
  elapsedMs: number,
  date: Date,
): ModelMetadata['training'] {
  const { samples } = options;
  return {
    command: trainCommand(options),
    epochs: options.epochs,
    chosenEpoch: bestEpoch + 1,
    seed: options.seed,
    batchSize: options.batchSize,
    optimizer: `adam, cosine learning rate ${MAX_RATE} -> ${MIN_RATE}`,
    data: `MNIST train minus its last ${VALIDATION_SIZE} (validation) + pendigits strokes of writers not in heldOutWriterIds, x${samples.strokeRepeats} per epoch`,
    augmentation:
      `MNIST${samples.mnistClean ? ` (${samples.mnistClean} of images unwarped)` : ''}: rotation +-12deg, scale 0.85-1.1, shear +-0.25, shift +-2px, bolder/thinner strokes; ` +
      (samples.strokeAugment
        ? 'strokes: rotation, slant, aspect, stroke offsets, point jitter and resampling before rasterising (training/strokeAugment.ts), pen width 1.4-3.2'
        : 'strokes: the same image warp, pen width 1.4-3.2'),
    backend: 'wasm (Node)',
    trainingMinutes: Math.round(elapsedMs / 600) / 100,
    quantization: 'uint8 per tensor',
    date: date.toISOString().slice(0, 10),
  };
}
