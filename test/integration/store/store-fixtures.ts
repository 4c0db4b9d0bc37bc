/** Builders shared by the storage contract tests: events in their stored form, jobs, and `decide` policies. */
import { createHash } from 'node:crypto';
import type { EventStore, JobOutcome } from '../../../src/store/event-store';
import type { EventWriteStatus, QueryFields, StoredEvent } from '../../../src/store/stored-event';
import type { CaptureJobRecord, JsonObject, ProblemBody } from '../../../src/model/types';

export interface EventSpec {
  eventID: string;
  eventTime?: string;
  type?: string;
  errorDeclaration?: boolean;
  /** Extra content of the event (changes its contentHash). */
  body?: JsonObject;
  /** Precomputed query fields. */
  q?: QueryFields;
}

export function storedEvent(spec: EventSpec): StoredEvent {
  const eventTime = spec.eventTime ?? '2024-01-01T00:00:00.000Z';
  const type = spec.type ?? 'ObjectEvent';
  const event: JsonObject = { type, eventID: spec.eventID, eventTime, ...(spec.body ?? {}) };
  if (spec.errorDeclaration) event.errorDeclaration = { declarationTime: eventTime };
  return {
    _id: `${spec.errorDeclaration ? 'ed' : 'ev'}|${spec.eventID}`,
    eventID: spec.eventID,
    isErrorDeclaration: spec.errorDeclaration ?? false,
    contentHash: createHash('sha256').update(JSON.stringify(event)).digest('hex'),
    eventIDAssigned: false,
    captureID: 'set-by-store',
    owner: 'anonymous',
    state: 'committed',
    recordTime: null,
    eventTime: new Date(eventTime),
    type,
    event,
    namespaces: {},
    q: { ...(spec.q ?? {}), eventTime: new Date(eventTime) },
  };
}

export function job(captureID: string, createdAt = new Date(), eventCount = 0): CaptureJobRecord {
  return {
    captureID,
    running: true,
    success: false,
    captureErrorBehaviour: 'rollback',
    createdAt,
    finishedAt: null,
    errors: [],
    owner: 'anonymous',
    eventCount,
    storedCount: 0,
    duplicateCount: 0,
  };
}

export function conflictProblem(index: number): ProblemBody {
  return {
    type: 'epcisException:ResourceAlreadyExistsException',
    title: 'A different event is already stored under this eventID',
    status: 409,
    instance: `/epcisBody/eventList/${index}`,
  };
}

/** The capture service's policy in these tests: a conflict makes the job fail and is reported. */
export function strictDecide(statuses: EventWriteStatus[]): JobOutcome {
  const errors = statuses.flatMap((status, index) => (status === 'conflict' ? [conflictProblem(index)] : []));
  return { success: errors.length === 0, errors };
}

let counter = 0;
export const newCaptureID = (label = 'cap') => `${label}-${process.pid}-${(counter += 1).toString().padStart(4, '0')}`;

/** Creates the job and commits the events (rollback unless said otherwise). */
export async function capture(
  store: EventStore,
  events: StoredEvent[],
  options: { captureID?: string; behaviour?: 'rollback' | 'proceed'; vocabulary?: JsonVocabulary[] } = {},
) {
  const captureID = options.captureID ?? newCaptureID();
  const record = {
    ...job(captureID, new Date(), events.length),
    captureErrorBehaviour: options.behaviour ?? 'rollback',
  };
  await store.createJob(record);
  const result = await store.commitCapture({
    captureID,
    behaviour: options.behaviour ?? 'rollback',
    events,
    vocabulary: options.vocabulary ?? [],
    decide: strictDecide,
  });
  return { captureID, result, job: record };
}

export type JsonVocabulary = Parameters<EventStore['commitCapture']>[0]['vocabulary'][number];

export const ids = (events: { _id: string }[]) => events.map((event) => event._id);
