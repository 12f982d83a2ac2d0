// How long the extension host's thread went without turning its event loop, while a scan runs: a
// timer due every INTERVAL_MS notes how late it fires. The longest delay is the longest task that
// held the thread (within one interval). Portable: setInterval works in Node and web worker hosts
// alike (perf_hooks' monitorEventLoopDelay exists in Node only).
const INTERVAL_MS = 5;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export interface MainThreadStats {
  /** Wall time from start to stop. */
  ms: number;
  /** The longest delay of the event loop seen (≈ the longest main-thread task). */
  longestTaskMs: number;
}

export class MainThreadMonitor {
  private readonly started = now();
  private last = this.started;
  private longest = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor() {
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
  }

  private tick(): void {
    const t = now();
    this.longest = Math.max(this.longest, t - this.last - INTERVAL_MS);
    this.last = t;
  }

  stop(): MainThreadStats {
    clearInterval(this.timer);
    this.tick();
    return { ms: Math.round(now() - this.started), longestTaskMs: Math.round(Math.max(0, this.longest)) };
  }
}
