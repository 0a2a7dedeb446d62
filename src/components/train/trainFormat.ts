// Numbers of a training run as the panel words them.

/** Bytes in decimal megabytes, as download sizes are usually quoted: "11.6 MB", "0.4 MB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / 1e6;
  const digits = mb < 100 ? 1 : 0;
  return `${Number(mb.toFixed(digits)).toLocaleString('en')} MB`;
}

/** A duration to the second under a minute, else to minutes and seconds, else hours. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** A 0..1 share as a percentage: "97.84%" (two decimals tell 97.8 from 97.9 apart). */
export function formatPercent(share: number, digits = 2): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** A count with thousands separators: "60,000". */
export function formatCount(count: number): string {
  return count.toLocaleString('en');
}
