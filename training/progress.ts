/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10% in a log). */
export class ProgressBar {
  private lastDecile = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  update(fraction: number, label: string, fields: string): void {
    const width = 24;
    const filled = Math.round(Math.min(1, fraction) * width);
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100)
      .toFixed(0)
      .padStart(3)}% ${fields}`;
    if (this.tty) {
      process.stderr.write(`\r${line}\x1b[K`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== this.lastDecile) process.stderr.write(`${line}\n`);
      this.lastDecile = decile;
    }
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
    this.lastDecile = -1;
  }
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
