/**
 * Validating a JSON capture's events in a worker thread while the capture's own thread parses the document and
 * prepares the events: a large capture is CPU work on one thread, and the servers this targets have two cores or more
 * (SECURITY-AND-PERFORMANCE-NOTES 2.3: 2 vCPU, and large documents' work off the event loop). The worker parses the same bytes and runs the same validator (event-check-worker.ts); the capture service
 * prepares event i once the worker's verdict for it has come (event-verdicts.ts), and validates it itself whenever
 * the worker cannot say. One worker serves the process; it is started on first use and answers only once its
 * schema is compiled: until then captures validate their events themselves, as they do when the worker is lost.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckRequest, FromEventCheckWorker } from './event-check-protocol';
import { EventVerdicts } from './event-verdicts';

/** The worker's entry point (plain JavaScript: see event-check-worker-entry.js) and the module it runs. */
const ENTRY = path.join(__dirname, 'event-check-worker-entry.js');
const WORKER_MODULE = require.resolve('./event-check-worker');

/** After a worker failed to start, the pool starts no other one for this long (a capture then validates itself). */
export const RESTART_DELAY_MS = 60_000;

/** `bytes` copied into shared memory: the worker reads them there, and nothing is copied again on the way. */
function sharedCopy(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

export interface EventCheckPoolOptions {
  /** The module the worker runs (tests: one that fails); default event-check-worker. */
  workerModule?: string;
}

export class EventCheckPool {
  private worker: Worker | undefined;
  private ready = false;
  private nextJob = 1;
  private started = 0;
  private completed = 0;
  private readonly jobs = new Map<number, EventVerdicts>();
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  /** When a worker failed before it was ready: no other is started before this time (ms since the epoch). */
  private noStartBefore = 0;
  private lastFailure: string | undefined;

  constructor(private readonly options: EventCheckPoolOptions = {}) {}

  /** Whether the worker has compiled its schema and takes jobs. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Jobs given to the worker since the pool was made. */
  get jobsStarted(): number {
    return this.started;
  }

  /** Jobs whose every verdict has come. */
  get jobsCompleted(): number {
    return this.completed;
  }

  /** Jobs whose verdicts are still coming. */
  get activeJobs(): number {
    return this.jobs.size;
  }

  /**
   * Starts the worker unless it runs (it compiles the schema first: about a hundred milliseconds), or unless one
   * failed to start less than RESTART_DELAY_MS ago.
   */
  warm(): void {
    if (this.worker || Date.now() < this.noStartBefore) return;
    this.worker = this.spawn();
  }

  /** Resolves once the worker takes jobs; rejects when it failed to start (captures never wait for it). */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    this.warm();
    if (!this.worker) return Promise.reject(new Error(this.lastFailure ?? 'the worker is not running'));
    const ready = new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
    this.refWhileBusy();
    return ready;
  }

  /**
   * The verdicts of the events of a JSON document (its raw body), or undefined when the worker does not take jobs
   * yet: it is started then, for the next capture.
   */
  start(body: Uint8Array): EventVerdicts | undefined {
    this.warm();
    const worker = this.worker;
    if (!this.ready || !worker) return undefined;
    const job = this.nextJob++;
    this.started += 1;
    const verdicts = new EventVerdicts(() => {
      if (!this.jobs.delete(job)) return;
      worker.postMessage({ kind: 'cancel', job });
      this.refWhileBusy();
    });
    this.jobs.set(job, verdicts);
    this.refWhileBusy();
    const request: CheckRequest = { kind: 'check', job, bytes: sharedCopy(body) };
    worker.postMessage(request);
    return verdicts;
  }

  /** Ends the worker; jobs still running fall back to validation in their captures. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.lose(worker, 'the worker was closed', false);
    await worker.terminate();
  }

  private spawn(): Worker {
    // The worker inherits the process's execArgv: under tsx, the loader that runs the TypeScript module.
    const worker = new Worker(ENTRY, { workerData: { module: this.options.workerModule ?? WORKER_MODULE } });
    worker.on('message', (message: FromEventCheckWorker) => this.receive(message));
    worker.on('error', (error) => this.lose(worker, `the worker failed: ${error.message}`));
    worker.on('exit', (code) => this.lose(worker, `the worker exited with code ${code}`));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    return worker;
  }

  /**
   * The worker keeps the process alive only while something waits for it (its start, or a job's verdicts): an idle
   * worker never does, so a process that has used the pool ends when its own work is done.
   */
  private refWhileBusy(): void {
    if (this.jobs.size > 0 || this.readyWaiters.length > 0) this.worker?.ref();
    else this.worker?.unref();
  }

  /** The worker is gone: its jobs' captures validate their remaining events themselves; the next use starts another. */
  private lose(worker: Worker, reason: string, failedToStart = !this.ready): void {
    if (this.worker !== worker) return;
    if (failedToStart) {
      this.noStartBefore = Date.now() + RESTART_DELAY_MS;
      this.lastFailure = `the event-check worker did not start: ${reason}`;
    }
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(new Error(this.lastFailure ?? reason));
    this.worker = undefined;
    this.ready = false;
    for (const verdicts of this.jobs.values()) verdicts.fail(reason);
    this.jobs.clear();
  }

  private receive(message: FromEventCheckWorker): void {
    if (message.kind === 'ready') {
      this.ready = true;
      for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
      this.refWhileBusy();
      return;
    }
    const verdicts = this.jobs.get(message.job);
    if (!verdicts) return;
    if (message.kind === 'parsed') verdicts.parsed(message);
    else if (message.kind === 'checked') verdicts.checked(message);
    else verdicts.fail(`the worker could not check the document (${message.reason})`);
    if (!verdicts.settled) return;
    this.jobs.delete(message.job);
    this.refWhileBusy();
    if (verdicts.fallbackReason === undefined) this.completed += 1;
  }
}

let shared: EventCheckPool | undefined;

/** The process's pool (one worker for every app of the process). */
export function sharedEventCheckPool(): EventCheckPool {
  shared ??= new EventCheckPool();
  return shared;
}

/**
 * What the JSON capture handler calls with a document's raw body: verdicts from `pool` for a body of at least
 * `minBytes` (null: never), else undefined (the capture validates its events itself; for a small document, the
 * copy and the worker's parse cost more than they save).
 */
export function eventChecksFor(
  pool: EventCheckPool | undefined,
  minBytes: number | null,
): (body: unknown) => EventVerdicts | undefined {
  if (!pool || minBytes === null) return () => undefined;
  return (body) => (body instanceof Uint8Array && body.byteLength >= minBytes ? pool.start(body) : undefined);
}
