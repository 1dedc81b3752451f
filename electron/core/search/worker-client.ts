// The main thread's end of one index worker (index-worker.ts): requests with
// ids, answers matched to them, the thread kept alive only while an answer is
// awaited (so an idle index never holds the process open), and word when the
// thread dies on its own (a crash, or out of memory) rather than being closed.

import type { ResourceLimits } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

/** A request without its id (the client numbers it). */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

/** One worker thread and its pending requests. */
export class WorkerClient {
  onProgress: ((done: number) => void) | null = null;
  alive = true;
  /** Set by terminate(): the exit that follows is expected. */
  private closing = false;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>();

  /** `onDeath` is called once if the thread stops without terminate() (its pending requests are rejected). */
  constructor(script: string | URL, execArgv: string[] | undefined, setup: WorkerSetup, resourceLimits: ResourceLimits, onDeath?: () => void) {
    this.worker = new Worker(script, { execArgv, workerData: setup, resourceLimits });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') return this.onProgress?.(reply.done);
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.type === 'failed') waiting.reject(new Error(reply.error));
      else waiting.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error.message));
    this.worker.on('exit', (code) => {
      // Told first, so that the requests rejected next see the engine restarting.
      if (!this.closing) onDeath?.();
      this.fail(`the index worker stopped (exit code ${code})`);
    });
  }

  /** Send a request; `reply` settles with the worker's answer. */
  send(request: Unnumbered<WorkerRequest>): { id: number; reply: Promise<WorkerReply> } {
    const id = this.nextId++;
    const reply = new Promise<WorkerReply>((resolve, reject) => {
      if (!this.alive) return reject(new Error('the index worker is not running'));
      // Keep the process alive while an answer is awaited; idle workers do not.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
    // Callers may await a reply late (or never, for a cancelled search): a failure must not go unhandled meanwhile.
    reply.catch(() => undefined);
    return { id, reply };
  }

  request(request: Unnumbered<WorkerRequest>): Promise<WorkerReply> {
    return this.send(request).reply;
  }

  /** Send a message that gets no answer. */
  post(request: WorkerRequest): void {
    if (this.alive) this.worker.postMessage(request);
  }

  async terminate(): Promise<void> {
    this.closing = true;
    this.alive = false;
    this.fail('the search index has been closed');
    await this.worker.terminate();
  }

  /** Stop the thread as a crash would (tests): onDeath is called. */
  async kill(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(reason: string): void {
    this.alive = false;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
  }
}
