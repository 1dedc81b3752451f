// Lets main wait until the renderer has written pending notes before the
// window closes. The renderer answers `app:flush-request` with `flushed()`,
// saying how many notes it could not write; the wait is bounded so a hung
// page can never keep the app from quitting.

import type { FlushReport } from '../shared/ipc-contract';

export type FlushOutcome = { state: 'flushed'; report: FlushReport } | { state: 'timeout' };

export class FlushGate {
  private waiting: Array<(report: FlushReport) => void> = [];

  constructor(private readonly timeoutMs = 3_000) {}

  /** Ask (via `request`) and resolve when the renderer answers, or after the timeout. */
  wait(request: () => void): Promise<FlushOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((entry) => entry !== done);
        resolve({ state: 'timeout' });
      }, this.timeoutMs);
      const done = (report: FlushReport) => {
        clearTimeout(timer);
        resolve({ state: 'flushed', report });
      };
      this.waiting.push(done);
      request();
    });
  }

  /** The renderer says what it wrote. */
  release(report: FlushReport): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((done) => done(report));
  }
}
