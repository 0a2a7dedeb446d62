import type * as tf from '@tensorflow/tfjs';
import type { Calibration } from '../src/model/modelFormat';
import { fitTemperature } from './calibration';
import { predictOutputs, type LabelledInputs } from './predict';
import { chooseThresholds } from './thresholds';
import { readings } from './verdictReport';

/**
 * Fits the page's calibration on validation digits (never test or held-out data): the
 * temperature that makes the probabilities honest, then the verdict thresholds on the
 * probabilities so calibrated.
 */
export async function calibrateModel(
  model: tf.LayersModel,
  validation: LabelledInputs,
  fittedOn: string,
): Promise<Calibration> {
  const outputs = await predictOutputs(model, validation.images, validation.labels.length);
  const temperature = fitTemperature(outputs.logits, validation.labels);
  const unjudged = { temperature, thresholds: { sure: 0, notDigit: Infinity }, fittedOn };
  const thresholds = chooseThresholds(readings(outputs, unjudged), validation.labels);
  return { temperature, thresholds, fittedOn };
}
