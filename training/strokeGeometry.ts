import type { Point, Stroke } from '../src/strokes';
import type { Random } from './random';

// Small building blocks for generated drawings, in unit-sized coordinates (y downwards).

/** One of `items`, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[random.int(items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Points along an elliptical arc from angle `from` over `sweep` radians (either direction). */
export function arc([cx, cy]: Point, rx: number, ry: number, from: number, sweep: number): Point[] {
  const steps = Math.max(4, Math.ceil((Math.abs(sweep) / (2 * Math.PI)) * 48));
  return Array.from({ length: steps + 1 }, (_, i): Point => {
    const a = from + (sweep * i) / steps;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}

/** Points of `f(t)` for t from 0 to 1. */
export function curve(f: (t: number) => Point, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => f(i / steps));
}

/** A straight stroke from `a` to `b`. */
export function segment(a: Point, b: Point): Stroke {
  return [a, b];
}

/** A straight stroke of `length` through `centre` at `angle`. */
export function lineThrough([cx, cy]: Point, angle: number, length: number): Stroke {
  const [dx, dy] = [(Math.cos(angle) * length) / 2, (Math.sin(angle) * length) / 2];
  return [
    [cx - dx, cy - dy],
    [cx + dx, cy + dy],
  ];
}

/** A tiny dot as a pen leaves it: a few points close together. */
export function dot(random: Random, [cx, cy]: Point, radius: number): Stroke {
  return Array.from({ length: 2 + random.int(3) }, (): Point => {
    const a = random.uniform(0, 2 * Math.PI);
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)];
  });
}

/** The drawing turned by `angle` about the origin. */
export function rotate(strokes: readonly Stroke[], angle: number): Stroke[] {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  return strokes.map((s) => s.map(([x, y]): Point => [cos * x - sin * y, sin * x + cos * y]));
}

/** The drawing moved by (dx, dy). */
export function translate(strokes: readonly Stroke[], dx: number, dy: number): Stroke[] {
  return strokes.map((s) => s.map(([x, y]): Point => [x + dx, y + dy]));
}

/** Total length of the pen's path, pen-up moves not counted. */
export function inkLength(strokes: readonly Stroke[]): number {
  let length = 0;
  for (const s of strokes) {
    for (let i = 1; i < s.length; i++)
      length += Math.hypot(s[i]![0] - s[i - 1]![0], s[i]![1] - s[i - 1]![1]);
  }
  return length;
}

/**
 * A wandering pen: `steps` moves of `step`, turning up to `turn` radians each time. When it
 * leaves the unit disc it heads back in straight for a while: turning at once would keep a
 * sharply turning pen on the rim, where it draws a ring (a 0) instead of a tangle.
 */
export function randomWalk(random: Random, steps: number, step: number, turn: number): Point[] {
  let [x, y] = [random.uniform(-0.5, 0.5), random.uniform(-0.5, 0.5)];
  let heading = random.uniform(0, 2 * Math.PI);
  let straight = 0;
  const points: Point[] = [[x, y]];
  for (let i = 0; i < steps; i++) {
    if (straight > 0) {
      straight--;
    } else if (Math.hypot(x, y) > 1) {
      heading = Math.atan2(-y, -x) + random.uniform(-0.6, 0.6);
      straight = Math.ceil(random.uniform(0.5, 1.2) / step);
    } else {
      heading += random.uniform(-turn, turn);
    }
    x += step * Math.cos(heading);
    y += step * Math.sin(heading);
    points.push([x, y]);
  }
  return points;
}
