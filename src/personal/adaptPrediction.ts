import type { Prediction } from '../model/classifier';
import { interpretOutputs } from '../model/interpretOutputs';
import type { Calibration } from '../model/modelFormat';
import { adaptLogits, ADAPT_PARAMS, type AdaptParams } from './adaptLogits';
import type { PersonalMemory } from './personalMemory';

/**
 * What the page shows for one digit once the kept examples have their say. Adapted: the ten
 * digit probabilities, hence the digit, its confidence and the sure/unsure verdict. Not
 * adapted: the raw outputs (`logits`, `notDigitLogit`, the Model panel) and the not-a-digit
 * probability and decision, which stay the shipped model's. With no kept examples this is
 * the prediction itself.
 */
export function adaptPrediction(
  prediction: Prediction,
  memory: PersonalMemory,
  calibration: Calibration | undefined,
  params: AdaptParams = ADAPT_PARAMS,
): Prediction {
  if (memory.size === 0) return prediction;
  const logits = adaptLogits(prediction.logits, memory, calibration?.temperature ?? 1, params);
  const reading = interpretOutputs(logits, null, calibration);
  return {
    ...prediction,
    ...reading,
    notDigit: prediction.notDigit,
    verdict: prediction.verdict === 'not-a-digit' ? 'not-a-digit' : reading.verdict,
  };
}
