// The arithmetic of the Train panel's line charts: scales, ticks, thinning, SVG paths.

export interface Point {
  x: number;
  y: number;
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the range's middle. */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** About `count` round tick values (steps of 1, 2 or 5 times a power of ten) within [min, max]. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min) || count < 1) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  // Rounded to the step's decimals, so 0.30000000000000004 reads 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toFixed(decimals)));
  }
  return ticks;
}

/**
 * At most `max` points, each the mean of a run of neighbours: thousands of batches would
 * otherwise be thousands of path segments, redrawn on every batch, and their noise hides the
 * trend anyway.
 */
export function thin(points: readonly Point[], max: number): Point[] {
  if (points.length <= max) return points.slice();
  const size = points.length / max;
  const out: Point[] = [];
  for (let i = 0; i < max; i++) {
    const from = Math.floor(i * size);
    const to = Math.floor((i + 1) * size);
    let x = 0;
    let y = 0;
    for (let j = from; j < to; j++) {
      x += points[j]!.x;
      y += points[j]!.y;
    }
    out.push({ x: x / (to - from), y: y / (to - from) });
  }
  return out;
}

/** An SVG path through the points (non-finite values skipped), coordinates to 0.1 unit. */
export function linePath(
  points: readonly Point[],
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  return points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`)
    .join('');
}

/** A loss axis: from 0 to a round value above the largest finite loss (at least 0.1). */
export function lossDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  const top = Math.max(0.1, ...finite);
  const ticks = niceTicks(0, top, 4);
  const last = ticks.at(-1) ?? top;
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : top;
  return [0, last >= top ? last : last + step];
}

/**
 * An accuracy axis ending at 1 and starting at a tenth below the lowest value (never below 0):
 * on a 0..1 axis, 97% and 98% would be one line.
 */
export function accuracyDomain(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  const low = finite.length ? Math.min(...finite) : 0;
  return [Math.max(0, Math.floor(low * 10) / 10), 1];
}
