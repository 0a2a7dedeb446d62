// Writes data/unipen/split.json, the fixed split of the UNIPEN writers (training/unipenSplit.ts):
//   npx tsx training/makeUnipenSplit.ts
import { writeFileSync } from 'node:fs';
import { loadUnipenDigits, loadUnipenLetters } from './unipen';
import { splitWriters, UNIPEN_SPLIT_FILE } from './unipenSplit';

const split = splitWriters(loadUnipenDigits(), loadUnipenLetters());
writeFileSync(UNIPEN_SPLIT_FILE, JSON.stringify(split, null, 1) + '\n');
console.log(
  `${UNIPEN_SPLIT_FILE}: ${split.training.length} training, ${split.validation.length} validation, ` +
    `${split.heldOut.length} held-out writers`,
);
