/**
 * Runs in the event-check worker thread (started by event-check-pool.ts): validates the events of JSON capture
 * documents with the same validator the capture service uses (schema and business rules, src/validation), and posts
 * their verdicts in document order, a chunk at a time, so that the capture's own thread prepares each event as soon
 * as its verdict is known. Jobs run one at a time, in the order received; the thread gives its event loop a turn
 * between chunks, where a cancellation is seen.
 */
import { parentPort } from 'node:worker_threads';
import type { JsonObject } from '../model/types';
import { createEpcisValidator } from '../validation';
import { documentParts } from './document-parts';
import type { CheckRequest, EventsChecked, FromEventCheckWorker, ToEventCheckWorker } from './event-check-protocol';

/** Events per verdict message: small enough that the capture's thread waits little for the first one. */
export const EVENTS_PER_CHUNK = 256;

/** As the request body is decoded on receipt (request-body.ts): strict UTF-8, a leading BOM dropped. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function runEventCheckWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('event-check-worker runs in a worker thread');
  const validator = createEpcisValidator();
  const post = (message: FromEventCheckWorker) => port.postMessage(message);
  const queue: CheckRequest[] = [];
  const cancelled = new Set<number>();
  /** The job being checked, if any. */
  let current: number | undefined;

  async function check(request: CheckRequest): Promise<void> {
    let document: unknown;
    try {
      document = JSON.parse(utf8.decode(request.bytes));
    } catch (error) {
      post({ kind: 'unusable', job: request.job, reason: `not parsed: ${(error as Error).message}` });
      return;
    }
    if (!isObject(document)) {
      post({ kind: 'unusable', job: request.job, reason: 'not a JSON object' });
      return;
    }
    const { events, eventListPointer } = documentParts(document);
    post({ kind: 'parsed', job: request.job, events: events.length });
    for (let start = 0; start < events.length; start += EVENTS_PER_CHUNK) {
      if (start > 0) {
        await nextTurn();
        if (cancelled.has(request.job)) return;
      }
      const end = Math.min(events.length, start + EVENTS_PER_CHUNK);
      const message: EventsChecked = { kind: 'checked', job: request.job, through: end, invalid: [] };
      for (let index = start; index < end; index += 1) {
        const pointer = `${eventListPointer}/${index}`;
        const problems = validator.validateEvent(events[index], { index, pointer }, { standalone: false });
        if (problems.length > 0) message.invalid.push([index, problems]);
      }
      post(message);
    }
  }

  async function drain(): Promise<void> {
    for (let request = queue.shift(); request; request = queue.shift()) {
      current = request.job;
      try {
        if (!cancelled.has(request.job)) await check(request);
      } catch (error) {
        post({ kind: 'unusable', job: request.job, reason: `failed: ${(error as Error).message}` });
      }
      cancelled.delete(request.job);
    }
    current = undefined;
  }

  port.on('message', (message: ToEventCheckWorker) => {
    if (message.kind === 'cancel') {
      // Only a job queued or running is remembered: a finished one's id would stay in the set for ever.
      if (message.job === current || queue.some((r) => r.job === message.job)) cancelled.add(message.job);
      return;
    }
    queue.push(message);
    if (current === undefined) void drain();
  });
  post({ kind: 'ready' });
}
