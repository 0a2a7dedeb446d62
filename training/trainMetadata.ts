import { SLASH } from './slashedZero';
import type * as tf from '@tensorflow/tfjs';
import { INPUT_SIZE } from '../src/constants';
import { servingTensor, type JsonValue, type ModelMetadata } from '../src/model/modelFormat';
import { DEFAULT_AUGMENT } from './augment';
import { VALIDATION_SIZE } from './mnist';
import { NON_DIGIT_PEN } from './nonDigits';
import { DEFAULT_STROKE_AUGMENT } from './strokeAugment';
import { STROKE_IMAGE_AUGMENT } from './trainingSamples';
import { DIGIT_LIKE_LETTERS } from './unipen';
import { INPUT_NAME } from './model';
import { MIN_RATE } from './trainEpoch';
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
    optimizer:
      `adam, cosine learning rate ${options.maxRate} -> ${MIN_RATE}` +
      (options.init ? `, starting from the weights of ${options.init}` : ''),
    data:
      `MNIST train minus its last ${VALIDATION_SIZE} (validation) + pendigits strokes of writers not in heldOutWriterIds, x${samples.strokeRepeats} per epoch` +
      (options.unipen.repeats
        ? ` + UNIPEN digits of the training writers of data/unipen/split.json, x${options.unipen.repeats} per epoch`
        : '') +
      (options.unipen.letterShare
        ? ` + their letters that no digit resembles (not ${DIGIT_LIKE_LETTERS}) as non-digits, ${options.unipen.letterShare} of an epoch's digits`
        : ''),
    augmentation: augmentation(options),
    backend: 'wasm (Node)',
    trainingMinutes: Math.round(elapsedMs / 600) / 100,
    quantization: 'uint8 per tensor',
    date: date.toISOString().slice(0, 10),
  };
}

/**
 * The augmentation options objects the run used, as they are in the code (angles in radians,
 * distances in pixels for images and in fractions of the drawing's size for strokes), so a
 * model's record cannot drift from what made it.
 */
export function augmentation({ samples, nonDigitShare }: TrainOptions): JsonValue {
  const { minPenWidth, maxPenWidth } = DEFAULT_STROKE_AUGMENT;
  return asJson({
    mnist: { image: DEFAULT_AUGMENT, unwarpedShare: samples.mnistClean },
    strokes: samples.strokeAugment
      ? { strokes: DEFAULT_STROKE_AUGMENT }
      : { image: STROKE_IMAGE_AUGMENT, penWidth: { min: minPenWidth, max: maxPenWidth } },
    ...(samples.slashedZeros
      ? { slashedZeros: { share: samples.slashedZeros, slash: SLASH } }
      : {}),
    // Generated non-digits: drawn by a pen (per kind), then augmented as strokes.
    ...(nonDigitShare
      ? { nonDigits: { share: nonDigitShare, pen: NON_DIGIT_PEN, strokes: DEFAULT_STROKE_AUGMENT } }
      : {}),
  });
}

/** The value exactly as model.json will hold it (interfaces have no JSON index signature). */
function asJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
