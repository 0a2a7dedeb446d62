// Which held-out digits do the models misread, and how many of the models misread each? A digit
// that every model reads the same wrong way, whatever its size or recipe, is a floor under the
// held-out figure: no recipe of this pipeline has fixed it. Writes those digits side by side
// (as the model sees them, labelled in the table printed) to look at.
//   npx tsx training/commonErrors.ts [--out /tmp/common-errors.png] DIR...
// DIR: model folders (public/model, training/runs/*). Quantised files, as shipped.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { INPUT_PIXELS, INPUT_SIZE, NUM_CLASSES } from '../src/constants';
import { argMax } from '../src/model/softmax';
import { encodeGrayPng, paintDigit } from './grayPng';
import { loadModelFile } from './loadModelFile';
import { MODEL_JSON } from './exportModel';
import { predictOutputs } from './predict';
import { heldOutDigits, renderDigits } from './strokeDigits';
import { startWasmBackend } from './wasmBackend';

const { values: args, positionals: dirs } = parseArgs({
  options: { out: { type: 'string', default: '/tmp/common-errors.png' } },
  allowPositionals: true,
});
if (dirs.length === 0) {
  console.error('usage: npx tsx training/commonErrors.ts [--out FILE.png] MODEL_DIR...');
  process.exit(2);
}

await startWasmBackend();
const heldOut = heldOutDigits();
const { images, labels } = renderDigits(heldOut);
/** Digit index -> each misreading model's reading of it. */
const misreads = new Map<number, number[]>();
for (const dir of dirs) {
  const { model } = await loadModelFile(`${dir}/${MODEL_JSON}`);
  const { logits } = await predictOutputs(model, images, labels.length);
  let errors = 0;
  for (let i = 0; i < labels.length; i++) {
    const read = argMax(logits.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES));
    if (read === labels[i]) continue;
    errors++;
    misreads.set(i, [...(misreads.get(i) ?? []), read]);
  }
  console.log(`${dir}: ${errors} of ${labels.length} misread`);
  model.dispose();
}

const byCount = [...misreads].sort(([a, ma], [b, mb]) => mb.length - ma.length || a - b);
console.log(`\ndigit  writer  label  misread by   as`);
for (const [i, reads] of byCount) {
  const as = [...new Set(reads)].join('/');
  const d = heldOut[i]!;
  console.log(
    `${String(i).padStart(5)}  ${d.writer.padEnd(6)}  ${String(d.label).padStart(5)}  ` +
      `${String(reads.length).padStart(3)} of ${dirs.length}   ${as}`,
  );
}
const everyModel = byCount.filter(([, reads]) => reads.length === dirs.length).map(([i]) => i);
console.log(`\nmisread by every model: ${everyModel.length} (${everyModel.join(', ') || 'none'})`);
writeGrid(everyModel, args.out!);

/** The digits side by side, ink dark on white, 4x, as a PNG. */
function writeGrid(indices: number[], file: string): void {
  if (indices.length === 0) return;
  const ZOOM = 4;
  const GAP = 4;
  const cell = INPUT_SIZE * ZOOM + GAP;
  const width = indices.length * cell;
  const height = INPUT_SIZE * ZOOM;
  const pixels = new Uint8Array(width * height).fill(128);
  indices.forEach((digit, column) => {
    const image = images.subarray(digit * INPUT_PIXELS, (digit + 1) * INPUT_PIXELS);
    paintDigit(pixels, width, image, { left: column * cell, top: 0, zoom: ZOOM, ink: 'dark' });
  });
  writeFileSync(file, encodeGrayPng(pixels, width, height));
  console.log(`wrote ${file}: those digits, left to right`);
}
