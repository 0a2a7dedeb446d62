import { useEffect, useState } from 'react';

/** The duration (ms) of the newest User Timing measure named `name`, or null before one. */
export function useLatestMeasure(name: string): number | null {
  // The newest one so far: the page may not measure again until the drawing changes.
  const [ms, setMs] = useState<number | null>(
    () => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? null,
  );
  useEffect(() => {
    if (typeof PerformanceObserver !== 'function') return;
    const observer = new PerformanceObserver((list) => {
      const last = list.getEntriesByName(name).at(-1);
      if (last) setMs(last.duration);
    });
    observer.observe({ type: 'measure' });
    return () => observer.disconnect();
  }, [name]);
  return ms;
}
