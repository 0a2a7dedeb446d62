import { NUM_CLASSES } from '../constants';
import { UserModelError } from './UserModel';

/** Our own models name their digit output so; their second output says "not a digit". */
const DIGIT_OUTPUT = /(^|[/_])dense_1($|[/:])/;

/**
 * Which output holds the ten digit scores: the one named like `dense_1` if there is one, else
 * the first of shape [batch, 10]. `shapes` are as the model computed them for one input.
 */
export function chooseOutput(
  outputs: readonly { name: string; shape: readonly number[] }[],
): number {
  const tenClasses = (shape: readonly number[]) =>
    shape.length === 2 && shape[shape.length - 1] === NUM_CLASSES;
  const named = outputs.findIndex((o) => DIGIT_OUTPUT.test(o.name) && tenClasses(o.shape));
  const index = named >= 0 ? named : outputs.findIndex((o) => tenClasses(o.shape));
  if (index >= 0) return index;
  const described = outputs.map((o) => `${o.name} [${o.shape.join(', ')}]`).join(', ');
  throw new UserModelError(
    `The model's output is not ten digit classes: ${described} (the page needs shape [-1, 10]).`,
    `outputs ${JSON.stringify(outputs)}`,
  );
}
