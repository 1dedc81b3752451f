// Lets main wait until the renderer has written pending notes before the
// window closes. The renderer answers `app:flush-request` with `flushed()`;
// the wait is bounded so a hung page can never keep the app from quitting.

export class FlushGate {
  private waiting: Array<() => void> = [];

  constructor(private readonly timeoutMs = 3_000) {}

  /** Ask (via `request`) and resolve when the renderer answers, or after the timeout. */
  wait(request: () => void): Promise<'flushed' | 'timeout'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((entry) => entry !== done);
        resolve('timeout');
      }, this.timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve('flushed');
      };
      this.waiting.push(done);
      request();
    });
  }

  /** The renderer says everything is written. */
  release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((done) => done());
  }
}
