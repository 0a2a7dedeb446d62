import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_WRITERS, INPUT_PIXELS } from '../src/constants';
import {
  heldOutDigits,
  loadStrokeDigits,
  renderDigit,
  renderDigits,
  splitByWriter,
  type StrokeDigit,
} from './strokeDigits';

const seven: StrokeDigit = {
  label: 7,
  writer: 'tra-1',
  index: 1,
  strokes: [
    [
      [0, 0],
      [100, 0],
      [40, 150],
    ],
  ],
};
const dot: StrokeDigit = { label: 0, writer: 'tra-2', index: 4, strokes: [[[5, 5]]] };

function strokeFile(records: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'strokes-')), 'digits.json');
  writeFileSync(path, JSON.stringify(records));
  return path;
}

describe('loadStrokeDigits', () => {
  it('reads the repository file: 7,494 digits of 30 writers', () => {
    const digits = loadStrokeDigits();
    expect(digits).toHaveLength(7494);
    expect(new Set(digits.map((d) => d.writer)).size).toBe(30);
  });

  it('names the file and the first malformed record', () => {
    const path = strokeFile([seven, { ...seven, label: 10 }, { ...seven, writer: 3 }]);
    expect(() => loadStrokeDigits(path)).toThrow(`${path}: record 1 is not`);
  });

  it('rejects a digit the preprocessing finds empty, naming it', () => {
    const path = strokeFile([seven, dot]);
    expect(() => loadStrokeDigits(path)).toThrow(
      `${path}: record 1 (writer tra-2, index 4, label 0) has no ink`,
    );
  });

  it('names a file it cannot read', () => {
    expect(() => loadStrokeDigits('/nonexistent/digits.json')).toThrow(
      /Cannot read stroke digit file \/nonexistent\/digits.json/,
    );
  });
});

describe('the held-out split', () => {
  it('keeps exactly the held-out writers apart', () => {
    const heldOut = heldOutDigits();
    expect(heldOut).toHaveLength(1499);
    expect(new Set(heldOut.map((d) => d.writer))).toEqual(new Set(HELD_OUT_WRITERS));
  });

  it('splits by any list of writers', () => {
    const other = { ...seven, writer: 'tra-9' };
    expect(splitByWriter([seven, other], ['tra-9'])).toEqual({ train: [seven], heldOut: [other] });
  });
});

describe('renderDigits', () => {
  it('packs n digits into n x 784 inputs with their labels', () => {
    const { images, labels } = renderDigits([seven, { ...seven, label: 1 }]);
    expect(images).toHaveLength(2 * INPUT_PIXELS);
    expect([...labels]).toEqual([7, 1]);
    expect(images.subarray(0, INPUT_PIXELS)).toEqual(renderDigit(seven));
  });

  it('draws a bolder pen with more ink', () => {
    const ink = (image: Float32Array) => image.reduce((a, b) => a + b, 0);
    expect(ink(renderDigit(seven, 3))).toBeGreaterThan(ink(renderDigit(seven, 1.5)));
  });

  it('refuses an empty drawing instead of inventing a blank input', () => {
    expect(() => renderDigit(dot)).toThrow(/writer tra-2, index 4, label 0 has no ink/);
  });
});
