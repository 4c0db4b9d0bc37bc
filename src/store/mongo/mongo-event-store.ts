/**
 * The MongoDB adapter of the storage port (DESIGN.md "Canonical event model and storage"): collections `events`,
 * `captureJobs`, `vocabulary` (and small ones: `stagedEvents`, `queries`, `companyPrefixes`, `storeInstances`);
 * indexes created at open; captures atomic without transactions; stateless, so several instances may share one
 * database.
 */
import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
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
import { MonotonicClock, Mutex, Semaphore } from '../mutex';
import type { StoredEvent } from '../stored-event';
import { COLLECTIONS, INDEX_SPECS, isUnusedEventIndex, TERMS_INDEX } from './index-specs';
import { commitCapture } from './mongo-commit';
import { loadCompanyPrefixes, saveCompanyPrefixes } from './mongo-company-prefixes';
import type {
  ClaimDocument,
  CompanyPrefixDocument,
  InstanceDocument,
  JobDocument,
  PendingCaptureDocument,
  MongoContext,
  NamedQueryDocument,
  VocabularyDocument,
} from './mongo-context';
import { distinctValues } from './mongo-distinct';
import { createNamedQuery, deleteNamedQuery, getNamedQuery, listNamedQueries } from './mongo-named-queries';
import { countEvents, findEvents } from './mongo-events';
import { createJob, failJob, getJob, listJobs } from './mongo-jobs';
import { usesIndexTerms } from './mongo-index-layout';
import { type RecoveryReport, recover } from './mongo-recovery';
import { heartbeat, retire } from './mongo-instances';
import { findVocabulary } from './mongo-vocabulary';

export interface MongoEventStoreOptions {
  uri: string;
  /** Database name; default: the one in the URI, else `epcis`. */
  dbName?: string;
  /** Time budget of every read (default 30 s). */
  maxTimeMS?: number;
  /** How long a capture waits for another one holding the same event ids (default 300 s). */
  stagedWaitMs?: number;
  /**
   * Captures of this instance that write at the same time (default 1). Captures stay correct at any value (and
   * across instances); 1 avoids wasted work on overlapping documents and suits FerretDB/SQLite, which serialises
   * writers anyway (measured: 10 concurrent overlapping 500-event captures took minutes there, one by one ~4 s
   * each). Raise it for a MongoDB replica set with many independent captures.
   */
  captureConcurrency?: number;
  /**
   * A stable identity of this server instance across restarts (e.g. host name + port), unique among the instances
   * sharing the database. With it, a restarted instance recovers the captures its previous run left at once;
   * without it (a random id per process) they are recovered when the previous run's lease expires.
   */
  instanceId?: string;
  /**
   * Lease of this instance (default 10 s): it refreshes a heartbeat every third of it and, at the same time,
   * recovers the captures of instances whose lease expired (they crashed). Keep it well above the longest pause
   * of the event loop, and give every instance on one database the same value.
   */
  leaseMs?: number;
}

const DEFAULT_MAX_TIME_MS = 30_000;
const DEFAULT_STAGED_WAIT_MS = 300_000;
const DEFAULT_LEASE_MS = 10_000;
/** One commit lock and one clock per process, shared by every instance (DESIGN.md "Capture", recordTime order). */
const PROCESS_COMMIT_LOCK = new Mutex();
const PROCESS_CLOCK = new MonotonicClock();

/** The database named in a MongoDB URI path (`mongodb://host/db?x`), if any. */
export function databaseInUri(uri: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}

export class MongoEventStore implements EventStore {
  readonly kind = 'mongodb' as const;
  /** Each batch of a capture gets its query fields as it is written (mongo-commit.ts). */
  readonly queryFieldsOnWrite = true;
  readonly description: string;
  /** What the last `open()` recovered (for logs and tests). */
  lastRecovery: RecoveryReport | null = null;
  private readonly options: MongoEventStoreOptions;
  private readonly dbName: string;
  private client: MongoClient | null = null;
  private context: MongoContext | null = null;
  private readonly captureSlots: Semaphore;
  private timer: NodeJS.Timeout | null = null;
  private tick: Promise<void> = Promise.resolve();
  private ticking = false;

  constructor(options: MongoEventStoreOptions) {
    this.options = options;
    this.dbName = options.dbName ?? databaseInUri(options.uri) ?? 'epcis';
    this.captureSlots = new Semaphore(options.captureConcurrency ?? 1);
    this.description = `MongoDB ${options.uri.replace(/\/\/[^@/]*@/, '//***@')} database ${this.dbName}`;
  }

  async open(): Promise<void> {
    if (this.context) return;
    // ignoreUndefined: an absent optional field is stored absent (not null), as in the embedded store.
    const client = new MongoClient(this.options.uri, { ignoreUndefined: true });
    await client.connect();
    try {
      const db = client.db(this.dbName);
      const indexTerms = await usesIndexTerms(db.collection<StoredEvent>(COLLECTIONS.events));
      await createIndexes(db, indexTerms);
      const context: MongoContext = {
        events: db.collection<StoredEvent>(COLLECTIONS.events),
        staged: db.collection<ClaimDocument>(COLLECTIONS.stagedEvents),
        pending: db.collection<PendingCaptureDocument>(COLLECTIONS.pendingCaptures),
        queries: db.collection<NamedQueryDocument>(COLLECTIONS.queries),
        companyPrefixes: db.collection<CompanyPrefixDocument>(COLLECTIONS.companyPrefixes),
        jobs: db.collection<JobDocument>(COLLECTIONS.captureJobs),
        vocabulary: db.collection<VocabularyDocument>(COLLECTIONS.vocabulary),
        maxTimeMS: this.options.maxTimeMS ?? DEFAULT_MAX_TIME_MS,
        commitLock: PROCESS_COMMIT_LOCK,
        clock: PROCESS_CLOCK,
        stagedWaitMs: this.options.stagedWaitMs ?? DEFAULT_STAGED_WAIT_MS,
        instances: db.collection<InstanceDocument>(COLLECTIONS.instances),
        instanceId: this.options.instanceId ?? randomUUID(),
        leaseMs: this.options.leaseMs ?? DEFAULT_LEASE_MS,
        indexTerms,
        claimsCoverEvents: indexTerms,
      };
      await heartbeat(context);
      this.lastRecovery = await recover(context, true);
      this.client = client;
      this.context = context;
      this.timer = setInterval(() => this.beat(context), Math.max(20, context.leaseMs / 3));
      this.timer.unref();
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  /** Heartbeat, then recover the captures of dead instances; a tick still running makes the next one skip. */
  private beat(context: MongoContext): void {
    if (this.ticking) return;
    this.ticking = true;
    this.tick = (async () => {
      try {
        await heartbeat(context);
        await recover(context, false);
      } catch {
        // Transient (server unreachable...): the next tick tries again; reads and writes report their own errors.
      } finally {
        this.ticking = false;
      }
    })();
  }

  async close(): Promise<void> {
    const client = this.client;
    const context = this.context;
    this.client = null;
    this.context = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tick;
    if (context) await retire(context).catch(() => undefined);
    if (client) await client.close();
  }

  private get ctx(): MongoContext {
    if (!this.context) throw new Error('MongoEventStore used before open() or after close()');
    return this.context;
  }

  createJob(job: CaptureJobRecord): Promise<void> {
    return createJob(this.ctx, job);
  }

  failJob(captureID: string, errors: ProblemBody[]): Promise<void> {
    return failJob(this.ctx, captureID, errors);
  }

  getJob(captureID: string): Promise<CaptureJobRecord | null> {
    return getJob(this.ctx, captureID);
  }

  listJobs(options: { after?: { createdAt: Date; captureID: string }; limit: number }): Promise<CaptureJobRecord[]> {
    return listJobs(this.ctx, options);
  }

  commitCapture(request: CommitRequest): Promise<CommitResult> {
    const ctx = this.ctx;
    return this.captureSlots.run(() => commitCapture(ctx, request));
  }

  findEvents(filter: Filter, options?: FindOptions): Promise<StoredEvent[]> {
    return findEvents(this.ctx, filter, options);
  }

  countEvents(filter: Filter, options?: FindOptions): Promise<number> {
    return countEvents(this.ctx, filter, options);
  }

  distinctValues(paths: string[], options: DistinctOptions): Promise<string[]> {
    return distinctValues(this.ctx, paths, options);
  }

  findVocabulary(filter: Filter): Promise<VocabularyElementRecord[]> {
    return findVocabulary(this.ctx, filter);
  }

  createNamedQuery(record: NamedQueryRecord): Promise<void> {
    return createNamedQuery(this.ctx, record);
  }

  getNamedQuery(name: string): Promise<NamedQueryRecord | null> {
    return getNamedQuery(this.ctx, name);
  }

  listNamedQueries(options: { after?: string; limit: number }): Promise<NamedQueryRecord[]> {
    return listNamedQueries(this.ctx, options);
  }

  deleteNamedQuery(name: string): Promise<boolean> {
    return deleteNamedQuery(this.ctx, name);
  }

  saveCompanyPrefixes(entries: ReadonlyArray<readonly [string, number]>): Promise<void> {
    return saveCompanyPrefixes(this.ctx, entries);
  }

  loadCompanyPrefixes(): Promise<Array<[string, number]>> {
    return loadCompanyPrefixes(this.ctx);
  }
}

/**
 * Creates the missing indexes one by one. (FerretDB 1.24 drops the connection when one `createIndexes` command
 * names several indexes that already exist, so existing ones are skipped and each command names one index.)
 */
async function createIndexes(db: Db, indexTerms: boolean): Promise<void> {
  for (const [name, specs] of Object.entries(INDEX_SPECS)) {
    const collection = db.collection(COLLECTIONS[name as keyof typeof COLLECTIONS]);
    const existing = new Set(
      (
        await collection
          .listIndexes()
          .toArray()
          .catch(() => [])
      ).map((index) => String(index.name)),
    );
    for (const spec of specs) {
      if (!indexTerms && name === 'events' && spec.name === TERMS_INDEX) continue; // the earlier layout's own indexes serve
      if (!spec.name || !existing.has(spec.name)) await collection.createIndexes([spec]);
    }
    // Another instance opening at the same time may have dropped it already; one left behind only costs writes.
    if (indexTerms && name === 'events')
      for (const unused of [...existing].filter(isUnusedEventIndex))
        await collection.dropIndex(unused).catch(() => undefined);
  }
}
