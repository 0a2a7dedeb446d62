import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import {
  generateNonDigits,
  HELD_OUT_NON_DIGITS_FILE,
  loadNonDigits,
  NON_DIGIT_KINDS,
  type NonDigit,
} from './nonDigits';
import { Random } from './random';

// Writes data/non-digits/held-out.json: npx tsx training/makeNonDigits.ts
// The same seed and code always give the same file; see data/non-digits/README.md.

const HELD_OUT_SEED = 10;
const HELD_OUT_COUNT = 1000;

/** Coordinates to 0.1 unit: drawings are hundreds of units across, and the file stays small. */
function rounded(drawing: NonDigit): NonDigit {
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    ...drawing,
    strokes: drawing.strokes.map((s) => s.map(([x, y]) => [round(x), round(y)])),
  };
}

const drawings = generateNonDigits(HELD_OUT_COUNT, new Random(HELD_OUT_SEED), 'heldOut').map(
  rounded,
);
// One drawing a line, so a diff shows which drawings changed.
const json = `[\n${drawings.map((d) => JSON.stringify(d)).join(',\n')}\n]\n`;
mkdirSync(dirname(HELD_OUT_NON_DIGITS_FILE), { recursive: true });
writeFileSync(HELD_OUT_NON_DIGITS_FILE, json);
// Rounding must leave every drawing readable; the loader checks that.
loadNonDigits(HELD_OUT_NON_DIGITS_FILE);

console.log(
  `${relative(process.cwd(), HELD_OUT_NON_DIGITS_FILE)}: ${drawings.length} drawings, ` +
    `${json.length.toLocaleString('en')} bytes, seed ${HELD_OUT_SEED}`,
);
for (const { kind } of NON_DIGIT_KINDS) {
  console.log(`  ${kind.padEnd(12)} ${drawings.filter((d) => d.kind === kind).length}`);
}
