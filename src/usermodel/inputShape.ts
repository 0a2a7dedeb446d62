import { INPUT_PIXELS, INPUT_SIZE } from '../constants';
import { UserModelError, type TensorDescription } from './UserModel';

/** One 28x28 image per example, without the batch size: flat, square, or with one channel. */
const IMAGE_SHAPES: readonly (readonly number[])[] = [
  [INPUT_PIXELS],
  [INPUT_SIZE, INPUT_SIZE],
  [INPUT_SIZE, INPUT_SIZE, 1],
];

/**
 * The input's shape as declared, if the page can feed it: a batch of any size (-1) or of
 * exactly 1, then one 28x28 image. Otherwise a message naming the shape.
 */
export function checkInputShape(inputs: readonly TensorDescription[]): number[] {
  if (inputs.length !== 1) {
    throw new UserModelError(
      `The model takes ${inputs.length} inputs (${inputs.map((i) => i.name).join(', ')}); the page feeds it one 28x28 image.`,
      JSON.stringify(inputs),
    );
  }
  const { name, shape } = inputs[0]!;
  const [batch, ...image] = shape;
  const fits =
    (batch === -1 || batch === 1) &&
    IMAGE_SHAPES.some((s) => s.length === image.length && s.every((d, i) => d === image[i]));
  if (!fits) {
    throw new UserModelError(
      `The model's input ${name} has shape [${shape.join(', ')}], not one 28x28 image: ` +
        'the page can feed [-1, 784], [-1, 28, 28] or [-1, 28, 28, 1].',
      `input ${JSON.stringify(inputs[0])}`,
    );
  }
  return [batch!, ...image];
}
