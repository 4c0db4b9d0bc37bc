/**
 * The in-memory documents of the embedded store and the journal records that change them. The same `apply`
 * runs after an append and during replay, so memory after a restart equals memory before it.
 */
import type { CaptureJobRecord, VocabularyElementRecord } from '../../model/types';
import type { CapturedJsonSource, NamedQueryRecord } from '../event-store';
import type { JobFinish } from '../job-finish';
import type { StoredEvent } from '../stored-event';
import { vocabularyKey } from '../vocabulary-merge';
import { EventIndex } from './event-index';
import { compareStrings } from './sort-order';

export type JournalRecord =
  | { op: 'job'; job: CaptureJobRecord }
  /** A job's end, with everything it made visible: committed events and merged master data (key-encoded). */
  | {
      op: 'finish';
      captureID: string;
      finish: JobFinish;
      events: StoredEvent[];
      /**
       * The namespaces of the events' query fields (CommitRequest.namespaces): when present, the journal holds the
       * events without `q` and replay recomputes it (journal-codec.ts, replay-query-fields.ts).
       */
      namespaces?: Record<string, string>;
      vocabulary: VocabularyElementRecord[];
      /**
       * The captured JSON document the events come from (CommitRequest.source), its `eventIndexes` aligned with
       * `events`: the journal then holds the document's text once and, for each event, its place instead of its
       * content; replay rebuilds the content from the document (journal-codec.ts, replay-captured-events.ts).
       */
      source?: CapturedJsonSource;
    }
  /** A named query created (`POST /queries`) or deleted (`DELETE /queries/{name}`). */
  | { op: 'query'; query: NamedQueryRecord }
  | { op: 'unquery'; name: string }
  /** GS1 Company Prefix lengths learned from captured EPC URNs: [prefix digits, length]. */
  | { op: 'prefixes'; entries: Array<[string, number]> };

export function compareJobs(a: CaptureJobRecord, b: { createdAt: Date; captureID: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || compareStrings(a.captureID, b.captureID);
}

export class EmbeddedState {
  readonly jobs = new Map<string, CaptureJobRecord>();
  /** Jobs sorted by (createdAt, captureID), for keyset pagination. */
  readonly jobOrder: CaptureJobRecord[] = [];
  /** Merged master data by `type|id`, attribute values key-encoded. */
  readonly vocabulary = new Map<string, VocabularyElementRecord>();
  /** The committed events, by `_id` and in commit order, with in-memory indexes over them. */
  readonly index = new EventIndex();
  /** Named queries by name. */
  readonly namedQueries = new Map<string, NamedQueryRecord>();
  /** Learned GS1 Company Prefix lengths by prefix digits. */
  readonly companyPrefixes = new Map<string, number>();

  apply(record: JournalRecord): void {
    if (record.op === 'job') {
      this.jobs.set(record.job.captureID, record.job);
      this.jobOrder.splice(this.firstAfter(record.job), 0, record.job);
      return;
    }
    if (record.op === 'finish') {
      const job = this.jobs.get(record.captureID);
      if (job) Object.assign(job, { running: false }, record.finish);
      // `add` skips an `_id` already committed, which never happens: planCommit stores each identity key once.
      for (const event of record.events) this.index.add(event);
      for (const element of record.vocabulary) this.vocabulary.set(vocabularyKey(element), element);
      return;
    }
    if (record.op === 'query') {
      this.namedQueries.set(record.query.name, record.query);
      return;
    }
    if (record.op === 'unquery') {
      this.namedQueries.delete(record.name);
      return;
    }
    if (record.op === 'prefixes') {
      for (const [prefix, length] of record.entries) this.companyPrefixes.set(prefix, length);
      return;
    }
    throw new Error(`journal: unknown record ${JSON.stringify((record as { op?: unknown }).op)}`);
  }

  /** Index of the first job strictly after the given position in (createdAt, captureID) order. */
  firstAfter(position: { createdAt: Date; captureID: string }): number {
    let low = 0;
    let high = this.jobOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareJobs(this.jobOrder[middle]!, position) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Checks the shape of a replayed record before it is applied. */
export function asJournalRecord(value: unknown): JournalRecord {
  const op = typeof value === 'object' && value !== null ? (value as { op?: unknown }).op : undefined;
  if (op !== 'job' && op !== 'finish' && op !== 'query' && op !== 'unquery' && op !== 'prefixes')
    throw new Error(`journal: unexpected record ${JSON.stringify(value)}`);
  return value as JournalRecord;
}
