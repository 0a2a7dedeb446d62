import { INPUT_PIXELS, INPUT_SIZE } from '../constants';

/** The columns and rows of a 28x28 input that hold any ink (for tests of the preprocessing). */
export function inkBox(image: Float32Array) {
  let minCol = INPUT_SIZE;
  let maxCol = -1;
  let minRow = INPUT_SIZE;
  let maxRow = -1;
  for (let i = 0; i < INPUT_PIXELS; i++) {
    if (image[i]! > 0) {
      const row = Math.floor(i / INPUT_SIZE);
      const col = i % INPUT_SIZE;
      minCol = Math.min(minCol, col);
      maxCol = Math.max(maxCol, col);
      minRow = Math.min(minRow, row);
      maxRow = Math.max(maxRow, row);
    }
  }
  return {
    minCol,
    maxCol,
    minRow,
    maxRow,
    width: maxCol - minCol + 1,
    height: maxRow - minRow + 1,
  };
}
