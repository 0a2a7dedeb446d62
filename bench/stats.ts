/** Summary of repeated timings: min, median, 95th percentile and max (nearest rank). */
export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('no values to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    n: sorted.length,
    min: sorted[0]!,
    median: rank(0.5),
    p95: rank(0.95),
    max: sorted[sorted.length - 1]!,
  };
}
