/**
 * What the MongoDB adapter's modules share: the three collections, the document shapes stored in them, and the
 * process-level commit lock and clock.
 */
import type { Collection } from 'mongodb';
import type { CaptureJobRecord, VocabularyElementRecord } from '../../model/types';
import type { JobOutcome } from '../event-store';
import type { MonotonicClock, Mutex } from '../mutex';
import type { StoredEvent } from '../stored-event';

/**
 * Recorded atomically on the job document once every event of the capture is written (hidden): once present, the
 * capture is committed and recovery rolls it forward with exactly these values (DESIGN.md "Capture").
 */
export interface CommitDecision {
  recordTime: Date;
  outcome: JobOutcome;
  storedCount: number;
  duplicateCount: number;
  /** Master data to merge, attribute values key-encoded. */
  vocabulary: VocabularyElementRecord[];
}

export interface JobDocument extends CaptureJobRecord {
  _id: string;
  decision?: CommitDecision;
  /** The store instance that runs the capture (mongo-instances.ts); absent = treated as a dead instance. */
  instance?: string;
}

/** A claim on an event key while a capture runs (mongo-staging.ts). */
export interface ClaimDocument {
  _id: string;
  captureID: string;
}

/** A capture whose events are written but not visible (mongo-pending.ts). */
export interface PendingCaptureDocument {
  _id: string;
  since: Date;
}

/** A live store instance: it refreshes `heartbeatAt` while it runs (mongo-instances.ts). */
export interface InstanceDocument {
  _id: string;
  heartbeatAt: Date;
}

export interface VocabularyDocument extends VocabularyElementRecord {
  _id: string;
  /** Optimistic-concurrency version of the merged element. */
  v: number;
}

/** A named query (mongo-named-queries.ts). */
export interface NamedQueryDocument {
  _id: string;
  queryJson: string;
  namespacesJson: string;
  createdAt: Date;
  owner: string;
}

/** A learned GS1 Company Prefix length (mongo-company-prefixes.ts): `_id` is the prefix digits. */
export interface CompanyPrefixDocument {
  _id: string;
  length: number;
}

export interface MongoContext {
  /** Events; those of pending captures are hidden from every read (mongo-pending.ts). */
  events: Collection<StoredEvent>;
  /** Claims of running captures: one per event key at a time (mongo-staging.ts). */
  staged: Collection<ClaimDocument>;
  /** Captures whose events are written but not visible yet (mongo-pending.ts). */
  pending: Collection<PendingCaptureDocument>;
  instances: Collection<InstanceDocument>;
  /** This store instance. */
  instanceId: string;
  /** An instance whose heartbeat is older than this is dead: the others recover its captures. */
  leaseMs: number;
  queries: Collection<NamedQueryDocument>;
  companyPrefixes: Collection<CompanyPrefixDocument>;
  jobs: Collection<JobDocument>;
  vocabulary: Collection<VocabularyDocument>;
  /** `maxTimeMS` of every read. */
  maxTimeMS: number;
  commitLock: Mutex;
  clock: MonotonicClock;
  /** How long a capture waits for another capture holding the same event ids before giving up. */
  stagedWaitMs: number;
  /** Whether reads add index terms (index-terms.ts); false on a database of the earlier layout (mongo-index-layout.ts). */
  indexTerms: boolean;
  /**
   * Whether every committed event has its claim in `stagedEvents` (mongo-staging.ts): true on a database of the
   * current layout; false on one of the earlier layout, whose captures released their claims.
   */
  claimsCoverEvents: boolean;
}
