import { INK_WIDTH } from '../constants';
import type { Point, Stroke } from '../strokes';

/** The part of CanvasRenderingContext2D the renderer uses, so tests can record the calls. */
export interface DrawingContext {
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  lineWidth: number;
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  fill(): void;
  stroke(): void;
}

export interface PadView {
  /** The pad's size in CSS pixels. */
  width: number;
  height: number;
  devicePixelRatio: number;
  /** A resolved CSS colour (canvas does not understand var(--x)). */
  ink: string;
}

/** Draws strokes stored in pad units (height 1) onto a canvas of size x dpr backing pixels. */
export function renderDrawing(
  ctx: DrawingContext,
  strokes: readonly Stroke[],
  { width, height, devicePixelRatio, ink }: PadView,
): void {
  const scale = height * devicePixelRatio;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // Ceil: the backing size is rounded, and a leftover half-pixel column would keep old ink.
  ctx.clearRect(0, 0, Math.ceil(width * devicePixelRatio), Math.ceil(scale));
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = INK_WIDTH;
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  for (const stroke of strokes) drawStroke(ctx, stroke);
}

function drawStroke(ctx: DrawingContext, stroke: Stroke): void {
  const first = stroke[0];
  const last = stroke.at(-1);
  if (!first || !last) return;
  ctx.beginPath();
  // A tap: a zero-length line's round caps are not drawn by every browser, a filled disc is.
  if (stroke.length === 1) {
    ctx.arc(first[0], first[1], INK_WIDTH / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.moveTo(first[0], first[1]);
  // Curving through the midpoints, with each sample as the control point, rounds off the
  // corners between pointer samples while staying within the polyline's hull.
  for (let i = 1; i < stroke.length - 1; i++) {
    const control = stroke[i]!;
    const [x, y] = midpoint(control, stroke[i + 1]!);
    ctx.quadraticCurveTo(control[0], control[1], x, y);
  }
  ctx.lineTo(last[0], last[1]);
  ctx.stroke();
}

function midpoint(a: Point, b: Point): Point {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
