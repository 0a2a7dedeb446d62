// The bench table's cells: figures as the table writes them (pure formatting, no measuring).
import type { ModuleShare } from './bundleModules';
import type { LatencyResult } from './latency';
import type { Summary } from './stats';

export function biggest(shares: ModuleShare[]): string {
  return shares
    .slice(0, 8)
    .map((s) => `${s.name} ${kb(s.gzipEstimate)} (${s.chunk.replace(/^assets\//, '')})`)
    .join('; ');
}

export function ratio(
  l: LatencyResult,
  base: LatencyResult,
  key: 'drawingMs' | 'singleMs',
): string {
  return l === base ? '' : `; median ${(l[key].median / base[key].median).toFixed(2)}x webgl`;
}

/**
 * A first visit's steps in the order they ended (the probe and warm-ups also how long). The
 * default page's WebGL probe, and `?backend=webgl`'s move from the cpu backend to WebGL, end
 * after the page is ready: they no longer hold it.
 */
export function timeline({ timeline: t, modelReadyMs }: LatencyResult): string {
  const at = (v: number | null) => (v === null ? 'n/a' : v.toFixed(0));
  const steps: [number | null, string][] = [
    [t.appStart, `app code running ${at(t.appStart)}`],
    [t.modelFiles, `model files in hand ${at(t.modelFiles)}`],
    [t.backendStarted, `backend started ${at(t.backendStarted)}`],
    [t.warmUpEnd, `warm-up done ${at(t.warmUpEnd)} (${at(t.warmUp)} ms)`],
    [modelReadyMs.median, `model ready ${modelReadyMs.median.toFixed(0)}`],
  ];
  if (t.probe !== null)
    steps.push([t.probeEnd, `WebGL probe done ${at(t.probeEnd)} (${at(t.probe)} ms)`]);
  if (t.finalBackend !== null) {
    steps.push([
      t.finalBackend,
      `on the final backend ${at(t.finalBackend)} (its warm-up ${at(t.finalWarmUp)} ms)`,
    ]);
  }
  return steps
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([, text]) => text)
    .join('; ');
}

export function lowest(perClass: number[]): string {
  return perClass
    .map((v, d) => ({ v, d }))
    .sort((a, b) => a.v - b.v)
    .slice(0, 3)
    .map(({ v, d }) => `${d} ${pct(v)}`)
    .join(', ');
}

export function ms(s: Summary): string {
  return `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}; n=${s.n})`;
}
/** a / b as "1.23x"; both 0 (the answer already stood at pen-up) is "both 0". */
export function ratioOf(a: number, b: number): string {
  if (b === 0) return a === 0 ? 'both 0 ms, answered at pen-up' : `${a.toFixed(1)} ms vs 0`;
  return `${(a / b).toFixed(2)}x`;
}

export function short(s: Summary): string {
  return `${s.median.toFixed(1)} / ${s.p95.toFixed(1)} ms (n=${s.n})`;
}

export function pct(v: number): string {
  return `${(v * 100).toFixed(2)}%`;
}
export function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}
export function sum<T>(items: T[], key: keyof T): number {
  return items.reduce((n, item) => n + Number(item[key]), 0);
}
