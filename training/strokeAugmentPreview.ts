// Writes a grid of stroke digits to eyeball the stroke augmentation: one row per class, the
// digit as recorded, then augmented copies, each as the model's 28x28 input.
//   npx tsx training/strokeAugmentPreview.ts [--seed 1] [--out /tmp/stroke-augment.pgm]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { strokesToInput } from '../src/preprocess/strokesToInput';
import { paintDigit } from './grayPng';
import { Random } from './random';
import { augmentStrokes, randomPenWidth } from './strokeAugment';
import { loadStrokeDigits, renderDigit } from './strokeDigits';
import { selectWriters } from './writers';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    augmentations: { type: 'string', default: '8' },
    out: { type: 'string', default: '/tmp/stroke-augment.pgm' },
  },
});
const random = new Random(Number(args.seed));
const columns = 1 + Number(args.augmentations);
const ZOOM = 3;
const GAP = 2;

// Training writers only: the held-out ones are for measurement alone.
const digits = selectWriters(loadStrokeDigits(), 'not-held-out');
const cell = INPUT_SIZE * ZOOM + GAP;
const width = columns * cell;
const height = NUM_CLASSES * cell;
const pixels = new Uint8Array(width * height).fill(64);

for (let label = 0; label < NUM_CLASSES; label++) {
  const ofLabel = digits.filter((d) => d.label === label);
  const digit = ofLabel[random.int(ofLabel.length)]!;
  for (let column = 0; column < columns; column++) {
    const image =
      column === 0
        ? renderDigit(digit)
        : strokesToInput(augmentStrokes(digit.strokes, random), randomPenWidth(random));
    if (!image) throw new Error(`augmented ${digit.writer} #${digit.index} has no ink`);
    paintDigit(pixels, width, image, {
      left: column * cell,
      top: label * cell,
      zoom: ZOOM,
      ink: 'light',
    });
  }
}
writeFileSync(args.out, Buffer.concat([Buffer.from(`P5 ${width} ${height} 255\n`), pixels]));
console.log(`wrote ${args.out}: ${NUM_CLASSES} digits, as recorded then ${columns - 1} augmented`);
