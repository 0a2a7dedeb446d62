// Shared by the app and by training, so the model's input can never drift between them.

/** Side of the square image the model reads (MNIST). */
export const INPUT_SIZE = 28;
/** Pixels in one input image. */
export const INPUT_PIXELS = INPUT_SIZE * INPUT_SIZE;
/** MNIST fits each digit's ink into a 20x20 box inside the 28x28 field. */
export const DIGIT_BOX = 20;
/**
 * Pen width in input pixels. About 2 px matched MNIST best when measured on real pen strokes;
 * thicker strokes cost up to 10 points of accuracy.
 */
export const PEN_WIDTH = 2;
/**
 * Ink width on the pad as a fraction of the pad's side, so the look does not depend on the pad's
 * size. The comparison preprocessings (crop, naive) keep the ink this thick.
 */
export const INK_WIDTH = 0.035;
/**
 * A drawing whose longer side is under this fraction of the pad is a dot or a tap, not a digit:
 * 16 px on a 400 px pad, where a written digit is several times that.
 */
export const TINY_DRAWING = 0.04;
/**
 * Where the ink's intensity-weighted centre of mass is placed, in pixel-centre coordinates
 * (pixel i spans [i, i + 1]). MNIST's own mean centre is 14.0 in index coordinates, i.e. 14.5 here.
 */
export const CENTRE_OF_MASS = 14.5;
/** Number of classes: the digits 0-9. */
export const NUM_CLASSES = 10;

/**
 * Writers of the pen-stroke digits (data/pendigits/) never used for training: every accuracy on
 * real handwriting is measured on these alone.
 */
export const HELD_OUT_WRITERS: readonly string[] = [
  'tra-5',
  'tra-10',
  'tra-15',
  'tra-20',
  'tra-25',
  'tra-30',
];

/**
 * Writers of the pen-stroke digits kept out of training to choose the epoch, the calibration
 * and the personal adaptation's parameters (none of HELD_OUT_WRITERS).
 */
export const VALIDATION_WRITERS: readonly string[] = ['tra-3', 'tra-8', 'tra-13', 'tra-18'];
