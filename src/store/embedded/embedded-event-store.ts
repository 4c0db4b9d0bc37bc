/**
 * The embedded adapter of the storage port (DESIGN.md "Embedded store"): documents in memory, every change
 * journaled and fsync'd before it is acknowledged, the journal replayed at open. Filters are the same MongoDB
 * filter documents, answered with in-memory indexes (indexed-query.ts) and mingo. For development, demos and
 * small sites; MongoDB is for production.
 */
import path from 'node:path';
import { resourceExists } from '../../errors/epcis-errors';
import type { CaptureJobRecord, ProblemBody, VocabularyElementRecord } from '../../model/types';
import type {
  CommitRequest,
  CommitResult,
  DistinctOptions,
  EventStore,
  Filter,
  FindOptions,
  NamedQueryRecord,
} from '../event-store';
import { interruptedCaptureProblem } from '../interrupted-problem';
import { failedJobFinish } from '../job-finish';
import { MonotonicClock, Mutex } from '../mutex';
import type { StoredEvent } from '../stored-event';
import { decodeVocabularyElement, vocabularyKey } from '../vocabulary-merge';
import { planCommit } from './embedded-commit';
import { EmbeddedState, type JournalRecord, asJournalRecord } from './embedded-state';
import { JournalFile, type JournalLogger } from './journal-file';
import { countIndexed, findIndexed } from './indexed-query';
import { restoreCapturedEvents } from './replay-captured-events';
import { restoreQueryFields } from './replay-query-fields';
import { runQuery } from './memory-query';
import { compareStrings, valuesAtPath } from './sort-order';

export interface EmbeddedEventStoreOptions {
  dataDir: string;
  /** Where the journal reports a dropped torn record (default: console.warn). */
  logger?: JournalLogger;
  /** Time budget of every read (default 30 s). */
  maxTimeMS?: number;
}

const DEFAULT_MAX_TIME_MS = 30_000;

/**
 * Events whose postings the store makes per turn of the event loop after a commit (event-index.ts, deferred
 * indexing): about 10-20 ms of work on the development machine, so that other requests wait little between slices.
 */
export const INDEXING_SLICE = 2048;

export class EmbeddedEventStore implements EventStore {
  readonly kind = 'embedded' as const;
  /** Every event keeps its query fields in memory (its indexes): the capture service computes them. */
  readonly queryFieldsOnWrite = false;
  readonly description: string;
  private readonly journal: JournalFile;
  private readonly maxTimeMS: number;
  private readonly lock = new Mutex();
  private readonly clock = new MonotonicClock();
  private state: EmbeddedState | null = null;
  /** Whether a slice of deferred indexing is scheduled. */
  private indexing = false;

  constructor(options: EmbeddedEventStoreOptions) {
    this.journal = JournalFile.inDirectory(options.dataDir, options.logger ?? { warn: (m) => console.warn(m) });
    this.maxTimeMS = options.maxTimeMS ?? DEFAULT_MAX_TIME_MS;
    this.description = `embedded store in ${path.resolve(options.dataDir)}`;
  }

  async open(): Promise<void> {
    if (this.state) return;
    const state = new EmbeddedState();
    for (const record of await this.journal.open())
      state.apply(restoreQueryFields(restoreCapturedEvents(asJournalRecord(record))));
    state.index.catchUp();
    this.state = state;
    // Jobs left running by a crash never reached their journal record: nothing of them is stored.
    const interrupted = [...state.jobs.values()].filter((job) => job.running);
    for (const job of interrupted) await this.finishWithoutEvents(job.captureID, [interruptedCaptureProblem()]);
  }

  async close(): Promise<void> {
    await this.lock.run(async () => {
      this.state = null;
      await this.journal.close();
    });
  }

  private get live(): EmbeddedState {
    if (!this.state) throw new Error('EmbeddedEventStore used before open() or after close()');
    return this.state;
  }

  /** Journals a record (durably) and then applies it to memory, under the store's lock. */
  private async commitRecord(record: JournalRecord): Promise<void> {
    const state = this.live;
    // Memory gets the record itself (the store owns it: readers get clones). It equals what replay rebuilds because
    // records hold only JSON values and Dates, with no undefined fields (journal-codec round-trip tests).
    await this.journal.append(record);
    state.apply(record);
    if (state.index.behind > 0) this.scheduleIndexing(state);
  }

  /**
   * Makes the postings of newly committed events a slice per turn of the event loop until none is left (reads catch
   * up by themselves before they use the postings: event-index.ts).
   */
  private scheduleIndexing(state: EmbeddedState): void {
    if (this.indexing) return;
    this.indexing = true;
    setImmediate(() => {
      this.indexing = false;
      if (this.state !== state) return; // closed meanwhile
      state.index.catchUp(INDEXING_SLICE);
      if (state.index.behind > 0) this.scheduleIndexing(state);
    });
  }

  /** Number of committed events whose postings are still to be made (tests). */
  get indexingBehind(): number {
    return this.state?.index.behind ?? 0;
  }

  createJob(job: CaptureJobRecord): Promise<void> {
    return this.lock.run(async () => {
      if (this.live.jobs.has(job.captureID))
        throw resourceExists(`A capture job with id ${job.captureID} already exists`);
      await this.commitRecord({ op: 'job', job });
    });
  }

  failJob(captureID: string, errors: ProblemBody[]): Promise<void> {
    return this.lock.run(() => this.finishWithoutEvents(captureID, errors));
  }

  private async finishWithoutEvents(captureID: string, errors: ProblemBody[]): Promise<void> {
    if (!this.live.jobs.get(captureID)?.running) return;
    const finish = failedJobFinish(errors, this.clock.now());
    await this.commitRecord({ op: 'finish', captureID, finish, events: [], vocabulary: [] });
  }

  getJob(captureID: string): Promise<CaptureJobRecord | null> {
    const job = this.live.jobs.get(captureID);
    return Promise.resolve(job ? structuredClone(job) : null);
  }

  listJobs(options: { after?: { createdAt: Date; captureID: string }; limit: number }): Promise<CaptureJobRecord[]> {
    const state = this.live;
    const start = options.after ? state.firstAfter(options.after) : 0;
    const page = state.jobOrder.slice(start, start + Math.max(0, options.limit));
    return Promise.resolve(page.map((job) => structuredClone(job)));
  }

  commitCapture(request: CommitRequest): Promise<CommitResult> {
    return this.lock.run(async () => {
      const { result, record } = planCommit(this.live, request, this.clock.now());
      await this.commitRecord(record);
      return result;
    });
  }

  findEvents(filter: Filter, options: FindOptions = {}): Promise<StoredEvent[]> {
    return Promise.resolve().then(() =>
      findIndexed(this.live.index, filter, { ...options, maxTimeMS: options.maxTimeMS ?? this.maxTimeMS }).map(
        (event) => structuredClone(event),
      ),
    );
  }

  countEvents(filter: Filter, options: FindOptions = {}): Promise<number> {
    return Promise.resolve().then(() =>
      countIndexed(this.live.index, filter, { limit: options.limit, maxTimeMS: options.maxTimeMS ?? this.maxTimeMS }),
    );
  }

  findVocabulary(filter: Filter): Promise<VocabularyElementRecord[]> {
    return Promise.resolve().then(() => {
      const sorted = [...this.live.vocabulary.values()].sort((a, b) =>
        compareStrings(vocabularyKey(a), vocabularyKey(b)),
      );
      return runQuery(sorted, filter, { maxTimeMS: this.maxTimeMS }).map((element) =>
        decodeVocabularyElement(structuredClone(element)),
      );
    });
  }

  distinctValues(paths: string[], options: DistinctOptions): Promise<string[]> {
    return Promise.resolve().then(() => {
      const state = this.live;
      if (paths.every((p) => state.index.has(p))) return state.index.distinct(paths, options.after, options.limit);
      const values = new Set<string>();
      for (const event of state.index.all())
        for (const p of paths)
          for (const value of valuesAtPath(event, p)) if (typeof value === 'string') values.add(value);
      return [...values]
        .filter((value) => options.after === undefined || compareStrings(value, options.after) > 0)
        .sort(compareStrings)
        .slice(0, Math.max(0, options.limit));
    });
  }

  createNamedQuery(record: NamedQueryRecord): Promise<void> {
    return this.lock.run(async () => {
      if (this.live.namedQueries.has(record.name))
        throw resourceExists(`A named query called ${record.name} already exists.`);
      await this.commitRecord({ op: 'query', query: record });
    });
  }

  getNamedQuery(name: string): Promise<NamedQueryRecord | null> {
    const found = this.live.namedQueries.get(name);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  listNamedQueries(options: { after?: string; limit: number }): Promise<NamedQueryRecord[]> {
    const { after } = options;
    const page = [...this.live.namedQueries.values()]
      .filter((record) => after === undefined || compareStrings(record.name, after) > 0)
      .sort((a, b) => compareStrings(a.name, b.name))
      .slice(0, Math.max(0, options.limit));
    return Promise.resolve(page.map((record) => structuredClone(record)));
  }

  deleteNamedQuery(name: string): Promise<boolean> {
    return this.lock.run(async () => {
      if (!this.live.namedQueries.has(name)) return false;
      await this.commitRecord({ op: 'unquery', name });
      return true;
    });
  }

  saveCompanyPrefixes(entries: ReadonlyArray<readonly [string, number]>): Promise<void> {
    return this.lock.run(async () => {
      const known = this.live.companyPrefixes;
      const fresh = new Map<string, number>();
      for (const [prefix, length] of entries) if (known.get(prefix) !== length) fresh.set(prefix, length);
      if (fresh.size > 0) await this.commitRecord({ op: 'prefixes', entries: [...fresh] });
    });
  }

  loadCompanyPrefixes(): Promise<Array<[string, number]>> {
    return Promise.resolve().then(() => [...this.live.companyPrefixes].sort((a, b) => compareStrings(a[0], b[0])));
  }
}
