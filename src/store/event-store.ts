/**
 * The storage port (DESIGN.md "Request flow and layers"). Two adapters implement it: `mongo/` (the official
 * driver) and `embedded/` (in-memory documents, append-only journal, filters evaluated with mingo).
 * Both execute the SAME MongoDB filter documents, so the query translator is written once.
 */
import type {
  CaptureErrorBehaviour,
  CaptureJobRecord,
  JsonObject,
  ProblemBody,
  VocabularyElementRecord,
} from '../model/types';
import type { EventWriteStatus, PreparedEvent, StoredEvent } from './stored-event';

/** A MongoDB filter document (the dialect both adapters execute). */
export type Filter = Record<string, unknown>;
export type SortSpec = [field: string, direction: 1 | -1][];

export interface FindOptions {
  sort?: SortSpec;
  limit?: number;
  /** Read time budget (MongoDB `maxTimeMS`); exceeding it raises QueryTooComplexException. */
  maxTimeMS?: number;
}

/** What the capture service decides once it knows how each event fared. */
export interface JobOutcome {
  success: boolean;
  errors: ProblemBody[];
}

export interface CommitRequest {
  captureID: string;
  behaviour: CaptureErrorBehaviour;
  /**
   * The valid events of the document, in document order, `state`/`recordTime` left to the store. The store takes
   * them over: it may set those fields (and `q`) in place and keep the objects, so the caller must not change them
   * afterwards. An event without `q` gets `queryFieldsOf(event, namespaces)` from the store (stored-query-fields.ts).
   */
  events: PreparedEvent[];
  /**
   * The capture's namespaces (CaptureRequest.namespaces), when every event's query fields are, or are to be,
   * `queryFieldsOf(event, namespaces)` (src/query): the store computes the missing ones with them, and the embedded
   * store journals them once instead of every event's `q` (its replay recomputes the query fields, journal-codec.ts).
   * Without them, every event must come with its `q`.
   */
  namespaces?: Record<string, string>;
  /** Master data from `epcisHeader`, stored with the capture. */
  vocabulary: VocabularyElementRecord[];
  /**
   * The JSON document the events were captured from, when they were parsed from one and are unchanged since: a store
   * may keep its text instead of writing every event's own (the embedded store's journal, journal-codec.ts).
   */
  source?: CapturedJsonSource;
  /**
   * Pure function from the write status of each event (same order as `events`) to the job's final outcome.
   * Under `rollback`, when it returns success=false nothing of the capture becomes visible.
   */
  decide: (statuses: EventWriteStatus[]) => JobOutcome;
}

/**
 * A captured JSON document as received: `json`, its bytes, UTF-8 JSON text (no byte order mark) that JSON.parse turns
 * into the document whose events the capture prepared; `eventList`, the JSON pointer of its event list
 * (document-parts.ts); `eventIndexes[i]`, the place in that list of the commit request's `events[i]`.
 */
export interface CapturedJsonSource {
  json: Uint8Array;
  eventList: string;
  eventIndexes: number[];
}

export interface CommitResult {
  statuses: EventWriteStatus[];
  outcome: JobOutcome;
  /** The recordTime given to the events made visible (null when nothing became visible). */
  recordTime: Date | null;
}

/** A named query (EPCIS 2.0 REST binding, `POST /queries`): a stored view, executed on `GET /queries/{name}/events`. */
export interface NamedQueryRecord {
  name: string;
  /** The `query` object as posted (EPCISEventsQuery body form). */
  query: JsonObject;
  /** Prefixes declared by the GS1-Extensions header of the POST, applied when the query runs. */
  namespaces: Record<string, string>;
  createdAt: Date;
  owner: string;
}

/** Where a page of distinct values starts and how long it is (strings in code point order). */
export interface DistinctOptions {
  /** Only values strictly after this one. */
  after?: string;
  limit: number;
}

export interface EventStore {
  /** `mongodb` or `embedded`, and a human description (server URI without credentials, or data directory). */
  readonly kind: 'mongodb' | 'embedded';
  readonly description: string;
  /**
   * Whether the store computes each event's query fields as it writes it, keeping none of them once written
   * (MongoDB: a batch at a time), so that the capture service leaves them out of the events it prepares and a large
   * capture never holds them all at once (measured: 0.88x the document of a 50 MiB XML capture). The embedded
   * store keeps every event's query fields in memory: the capture service computes them while it checks the events.
   */
  readonly queryFieldsOnWrite: boolean;

  /** Opens the store: creates indexes, replays the journal, and finishes or rolls back undecided captures. */
  open(): Promise<void>;
  /** Flushes and closes. */
  close(): Promise<void>;

  /** Persists a new job (`running: true`) before the server answers 202. */
  createJob(job: CaptureJobRecord): Promise<void>;
  /** Marks a job finished without writing events (e.g. the whole document was invalid). */
  failJob(captureID: string, errors: ProblemBody[]): Promise<void>;
  getJob(captureID: string): Promise<CaptureJobRecord | null>;
  /** Jobs by createdAt then captureID ascending, strictly after the given job (keyset pagination). */
  listJobs(options: { after?: { createdAt: Date; captureID: string }; limit: number }): Promise<CaptureJobRecord[]>;

  /**
   * Writes the events of a capture with the given error behaviour, atomically with the job's completion:
   * after a crash at any point, the capture is either entirely visible and its job successful, or entirely
   * absent and its job failed (rollback); under proceed, the events reported `stored` are visible.
   * Identity is the `_id` key; concurrent captures of the same event store it exactly once.
   */
  commitCapture(request: CommitRequest): Promise<CommitResult>;

  /** Committed events matching the filter (the store adds the visibility condition itself). */
  findEvents(filter: Filter, options?: FindOptions): Promise<StoredEvent[]>;
  /** Number of committed events matching the filter. */
  countEvents(filter: Filter, options?: FindOptions): Promise<number>;

  /**
   * The distinct string values found at any of `paths` in committed events (array fields contribute each item),
   * ascending by code point, for the resource collections (`/epcs`, `/bizSteps`, ...; EPCIS-DIGEST §a).
   */
  distinctValues(paths: string[], options: DistinctOptions): Promise<string[]>;

  /** Master data, by vocabulary type and element id. */
  findVocabulary(filter: Filter): Promise<VocabularyElementRecord[]>;

  /** Stores a named query; ResourceAlreadyExistsException when the name is taken. */
  createNamedQuery(record: NamedQueryRecord): Promise<void>;
  getNamedQuery(name: string): Promise<NamedQueryRecord | null>;
  /** Named queries by name (code point order), strictly after `after`. */
  listNamedQueries(options: { after?: string; limit: number }): Promise<NamedQueryRecord[]>;
  /** Removes a named query; false when there was none. */
  deleteNamedQuery(name: string): Promise<boolean>;

  /**
   * Records GS1 Company Prefix lengths learned from captured EPC URNs (GS1-EPC-Format: Always_EPC_URN needs them
   * to render a Digital Link as a URN; EPCIS-DIGEST §a), keyed by the prefix digits: a later entry for the same
   * digits replaces the earlier one. Durable when it resolves.
   */
  saveCompanyPrefixes(entries: ReadonlyArray<readonly [prefixDigits: string, length: number]>): Promise<void>;
  /** Every recorded company prefix entry, by prefix digits in code point order. */
  loadCompanyPrefixes(): Promise<Array<[prefixDigits: string, length: number]>>;
}
