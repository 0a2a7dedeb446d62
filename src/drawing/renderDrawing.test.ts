import { describe, expect, it } from 'vitest';
import type { Stroke } from '../strokes';
import { INK_WIDTH } from '../constants';
import { renderDrawing, type DrawingContext } from './renderDrawing';

type Call = [string, ...unknown[]];

/** Records every call in order; stroke() and fill() also record the pen they were drawn with. */
class RecordingContext implements DrawingContext {
  readonly calls: Call[] = [];
  lineCap: CanvasLineCap = 'butt';
  lineJoin: CanvasLineJoin = 'miter';
  lineWidth = 1;
  strokeStyle: DrawingContext['strokeStyle'] = '#000';
  fillStyle: DrawingContext['fillStyle'] = '#000';

  setTransform(...args: [number, number, number, number, number, number]) {
    this.calls.push(['setTransform', ...args]);
  }
  clearRect(...args: [number, number, number, number]) {
    this.calls.push(['clearRect', ...args]);
  }
  beginPath() {
    this.calls.push(['beginPath']);
  }
  moveTo(...args: [number, number]) {
    this.calls.push(['moveTo', ...args]);
  }
  lineTo(...args: [number, number]) {
    this.calls.push(['lineTo', ...args]);
  }
  quadraticCurveTo(...args: [number, number, number, number]) {
    this.calls.push(['quadraticCurveTo', ...args]);
  }
  arc(...args: [number, number, number, number, number]) {
    this.calls.push(['arc', ...args]);
  }
  fill() {
    this.calls.push(['fill', { fillStyle: this.fillStyle }]);
  }
  stroke() {
    const { lineCap, lineJoin, lineWidth, strokeStyle } = this;
    this.calls.push(['stroke', { lineCap, lineJoin, lineWidth, strokeStyle }]);
  }
}

function recordingContext(): { ctx: DrawingContext; calls: Call[] } {
  const ctx = new RecordingContext();
  return { ctx, calls: ctx.calls };
}

const SETUP: Call[] = [
  ['setTransform', 1, 0, 0, 1, 0, 0],
  ['clearRect', 0, 0, 600, 600],
  ['setTransform', 600, 0, 0, 600, 0, 0],
];
const PEN = { lineCap: 'round', lineJoin: 'round', lineWidth: INK_WIDTH, strokeStyle: '#123456' };
const DOT = { fillStyle: '#123456' };
const VIEW = { width: 300, height: 300, devicePixelRatio: 2, ink: '#123456' };

describe('renderDrawing', () => {
  it('only clears an empty drawing', () => {
    const { ctx, calls } = recordingContext();
    renderDrawing(ctx, [], VIEW);
    expect(calls).toEqual(SETUP);
  });

  it('clears whole backing pixels of a wide pad when size x dpr is fractional', () => {
    const { ctx, calls } = recordingContext();
    renderDrawing(ctx, [], { width: 801, height: 301, devicePixelRatio: 1.5, ink: 'black' });
    expect(calls.slice(0, 3)).toEqual([
      ['setTransform', 1, 0, 0, 1, 0, 0],
      ['clearRect', 0, 0, 1202, 452],
      ['setTransform', 451.5, 0, 0, 451.5, 0, 0],
    ]);
  });

  it('draws a single-point stroke as a filled dot the width of the pen', () => {
    const { ctx, calls } = recordingContext();
    renderDrawing(ctx, [[[0.25, 0.75]]], VIEW);
    expect(calls.slice(SETUP.length)).toEqual([
      ['beginPath'],
      ['arc', 0.25, 0.75, INK_WIDTH / 2, 0, 2 * Math.PI],
      ['fill', DOT],
    ]);
  });

  it('draws a two-point stroke as a straight line', () => {
    const { ctx, calls } = recordingContext();
    renderDrawing(
      ctx,
      [
        [
          [0, 0],
          [1, 0.5],
        ],
      ],
      VIEW,
    );
    expect(calls.slice(SETUP.length)).toEqual([
      ['beginPath'],
      ['moveTo', 0, 0],
      ['lineTo', 1, 0.5],
      ['stroke', PEN],
    ]);
  });

  it('curves through the midpoints of longer strokes, one path per stroke', () => {
    const { ctx, calls } = recordingContext();
    const strokes: Stroke[] = [
      [
        [0, 0],
        [0.5, 0],
        [0.5, 0.5],
        [1, 0.5],
      ],
      [[-0.25, 1.25]],
    ];
    renderDrawing(ctx, strokes, VIEW);
    expect(calls.slice(SETUP.length)).toEqual([
      ['beginPath'],
      ['moveTo', 0, 0],
      ['quadraticCurveTo', 0.5, 0, 0.5, 0.25],
      ['quadraticCurveTo', 0.5, 0.5, 0.75, 0.5],
      ['lineTo', 1, 0.5],
      ['stroke', PEN],
      ['beginPath'],
      ['arc', -0.25, 1.25, INK_WIDTH / 2, 0, 2 * Math.PI],
      ['fill', DOT],
    ]);
  });

  it('skips empty strokes', () => {
    const { ctx, calls } = recordingContext();
    renderDrawing(ctx, [[]], VIEW);
    expect(calls).toEqual(SETUP);
  });
});
