// The confusion matrix's cells: their words, their shade, and arrow-key moves between them
// (one tab stop for the hundred cells, as a grid should have).

/** The key of TestReport.misread for a cell. */
export const cellKey = (truth: number, read: number) => `${truth},${read}`;

/** The cell's share of its row (the true digit's test images); 0 for an empty row. */
export function rowShare(confusion: readonly (readonly number[])[], truth: number, read: number) {
  const row = confusion[truth] ?? [];
  const total = row.reduce((sum, n) => sum + n, 0);
  return total > 0 ? (row[read] ?? 0) / total : 0;
}

/** What a cell's button says. */
export function cellLabel(truth: number, read: number, count: number): string {
  const images = `${count.toLocaleString('en')} test image${count === 1 ? '' : 's'}`;
  return truth === read ? `${truth} read right: ${images}` : `${truth} read as ${read}: ${images}`;
}

/** The cell a key moves to in a size x size grid, or null for a key that does not move. */
export function moveInGrid(
  [row, column]: readonly [number, number],
  key: string,
  size: number,
): [number, number] | null {
  const last = size - 1;
  const clamp = (v: number) => Math.min(last, Math.max(0, v));
  switch (key) {
    case 'ArrowUp':
      return [clamp(row - 1), column];
    case 'ArrowDown':
      return [clamp(row + 1), column];
    case 'ArrowLeft':
      return [row, clamp(column - 1)];
    case 'ArrowRight':
      return [row, clamp(column + 1)];
    case 'Home':
      return [row, 0];
    case 'End':
      return [row, last];
    default:
      return null;
  }
}

/** A 28x28 MNIST image (0..255, white on black) as RGBA pixels for a canvas. */
export function grayRgba(pixels: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels.length * 4);
  pixels.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
  return rgba;
}
