import { useEffect, useState } from 'react';

/**
 * The duration (ms) of the newest User Timing measure named `name`, or null before one; only
 * listened for while `enabled`, so a page that does not show it does no work for it.
 */
export function useLatestMeasure(name: string, enabled = true): number | null {
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled || typeof PerformanceObserver !== 'function') return;
    const observer = new PerformanceObserver((list) => {
      const entries = list.getEntriesByName(name);
      const last = entries[entries.length - 1];
      if (last) setMs(last.duration);
    });
    observer.observe({ type: 'measure' });
    return () => observer.disconnect();
  }, [name, enabled]);
  return ms;
}
