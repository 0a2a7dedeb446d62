import type * as tf from '@tensorflow/tfjs';
import { INPUT_PIXELS, NUM_CLASSES } from '../src/constants';
import { interpretOutputs, type Reading } from '../src/model/interpretOutputs';
import type { ModelMetadata } from '../src/model/modelFormat';
import { planCandidates, planReading, type ReadingPlan } from '../src/number/segmentation';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import type { Stroke } from '../src/strokes';
import { predictOutputs } from './predict';

/** A number's strokes planned as the page plans them, and the model's reading of each candidate. */
export interface ReadNumber {
  plan: ReadingPlan;
  readings: Reading[];
}

/** Plans and reads many numbers, with every candidate of every number in batched calls. */
export async function readNumbers(
  model: tf.LayersModel,
  metadata: ModelMetadata,
  numbers: readonly { strokes: readonly Stroke[] }[],
): Promise<ReadNumber[]> {
  const plans = numbers.map((n) => planReading(n.strokes));
  const inputs = plans.flatMap((plan, i) =>
    planCandidates(plan).map((c) => strokesToInput(c.strokes.map((s) => numbers[i]!.strokes[s]!))),
  );
  const images = new Float32Array(inputs.length * INPUT_PIXELS);
  inputs.forEach((input, i) =>
    images.set(input ?? new Float32Array(INPUT_PIXELS), i * INPUT_PIXELS),
  );
  const { logits, notDigit } = await predictOutputs(model, images, inputs.length);
  let at = 0;
  return plans.map((plan) => {
    const readings = planCandidates(plan).map(() => {
      const i = at++;
      return interpretOutputs(
        logits.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES),
        notDigit ? notDigit[i]! : null,
        metadata.calibration,
      );
    });
    return { plan, readings };
  });
}
