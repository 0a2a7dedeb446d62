/**
 * Pause, resume and stop for a loop that asks before each step (`await gate.pass()`), with the
 * time spent paused counted so an epoch's time is the time it trained.
 */
export class RunGate {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  /** Milliseconds spent waiting in pass() while paused, in all. */
  pausedMs = 0;

  constructor(private readonly now: () => number) {}

  pause(): void {
    if (!this.stopped) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.release();
  }

  stop(): void {
    this.stopped = true;
    this.paused = false;
    this.release();
  }

  /** Waits while paused; true to go on, false once stopped. */
  async pass(): Promise<boolean> {
    if (this.paused) {
      const start = this.now();
      while (this.paused) await new Promise<void>((resolve) => (this.wake = resolve));
      this.pausedMs += this.now() - start;
    }
    return !this.stopped;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
