// Progress of a cold build, as BuildOptions#onProgress promises it: throttled.

/** Sums the progress of a build's parts and reports it at most every PROGRESS_INTERVAL_MS (the engine reports the end itself). */
export class Progress {
  private done = 0;
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly report?: (done: number, total: number) => void,
  ) {}

  add(done: number): void {
    this.done += done;
    const now = performance.now();
    if (!this.report || now - this.last < PROGRESS_INTERVAL_MS || this.done >= this.total) return;
    this.last = now;
    this.report(this.done, this.total);
  }
}

const PROGRESS_INTERVAL_MS = 100;
