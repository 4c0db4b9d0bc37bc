/**
 * The messages between the capture service's thread and the event-check worker (event-check-worker.ts), which
 * validates a JSON capture's events in parallel with the thread that prepares and stores them.
 */
import type { ProblemBody } from '../model/types';

/** To the worker: validate the events of this JSON document (its raw UTF-8 bytes, in shared memory). */
export interface CheckRequest {
  kind: 'check';
  job: number;
  bytes: Uint8Array;
}

/** To the worker: the capture no longer needs this job's verdicts. */
export interface CancelRequest {
  kind: 'cancel';
  job: number;
}

export type ToEventCheckWorker = CheckRequest | CancelRequest;

/** From the worker, once: the worker is ready to take jobs (its schema is compiled). */
export interface WorkerReady {
  kind: 'ready';
}

/** From the worker, first for each job: the number of events the document holds. */
export interface DocumentParsed {
  kind: 'parsed';
  job: number;
  events: number;
}

/**
 * From the worker, in document order: the verdicts of the events before `through` since the last message (the
 * invalid ones with their problems; the others are valid). The last one has `through` equal to the event count.
 */
export interface EventsChecked {
  kind: 'checked';
  job: number;
  through: number;
  invalid: [index: number, problems: ProblemBody[]][];
}

/** From the worker: the job gives no verdicts (the document is not a JSON object); the capture validates itself. */
export interface JobUnusable {
  kind: 'unusable';
  job: number;
  reason: string;
}

export type FromEventCheckWorker = WorkerReady | DocumentParsed | EventsChecked | JobUnusable;
