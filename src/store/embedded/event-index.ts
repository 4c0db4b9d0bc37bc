/**
 * In-memory indexes of the embedded store (issue 4, Build 2: "in-memory indexes in the embedded store so that it
 * does not scan everything"). Every event gets a number in commit order (its place in a scan); the indexes hold
 * numbers, never copies of documents:
 * - the identity map: `_id` -> number. It is the store's map of its events and serves `eventID` too, since `_id` is
 *   the eventID's identity key (stored-event.ts: `ev|` or `ed|` before it);
 * - posting lists: for the other selective precomputed fields, value -> ascending numbers of the events holding it
 *   (a value held by one event, as most EPCs are, keeps its number alone rather than a list of one);
 * - time indexes (time-index.ts): eventTime and recordTime, ordered as the query sort orders them.
 * query-plan.ts turns a filter into checks over these, indexed-query.ts runs it.
 *
 * Deferred indexing: `add` records an event's identity at once (commits need it to tell a new event from a stored
 * one), and its postings and time-index entries later, in `catchUp`: every read that uses them catches up first
 * (`posting`, `time`, `distinct`), so a query always sees every committed event, and the store catches up in slices
 * after a commit (embedded-event-store.ts). A capture's job thus ends without waiting for its events' postings (4-5 us
 * per ObjectEvent), and no capture blocks the thread for its postings longer than a slice. The work is the same: it
 * runs between other requests' work (a capture that follows at once shares the thread with it), or in the first query
 * that needs it.
 *
 * Why one map serves identity and `eventID`: hash-map operations on maps of this size cost 0.2-1 us each on the
 * development machine (memory latency), and a commit made four per event for these two (the state's map of events:
 * a look-up and an insertion; the `eventID` posting list: the same), two now. Measured: applying 60,000 stored
 * ObjectEvents to a fresh state in commits of 10,000 took 10.1-11.0 us per event before, 5.9-7.5 after (medians of 8
 * runs, three alternating pairs).
 */
import { identityKey, type StoredEvent } from '../stored-event';
import { compareStrings, valuesAtPath } from './sort-order';
import { TIME_PATHS, TimeIndex, type TimePath } from './time-index';

/** Indexed paths: the families of QUERY_INDEXES that select few events (src/query/fields/indexes.ts). */
export const INDEXED_PATHS = [
  'eventID',
  'q.type',
  'q.bizStep',
  'q.disposition',
  'q.readPoint',
  'q.bizLocation',
  'q.epc',
  'q.parentID',
  'q.inputEPC',
  'q.outputEPC',
  'q.epcClass',
  'q.bizTx',
  'q.source',
  'q.destination',
] as const;

const NONE: readonly number[] = [];

/** The path the identity map serves; every other indexed path has posting lists. */
const EVENT_ID = 'eventID';
/** Length of an identity key's prefix (`ev|`, `ed|`: stored-event.ts). */
const IDENTITY_PREFIX_LENGTH = identityKey('', false).length;

/** An indexed path split once: the top-level field and, for `q.f`, the field inside it (`generic`: deeper). */
interface PostingPath {
  path: string;
  top: string;
  sub: string | null;
  generic: boolean;
  map: Map<string, Posting>;
}

/** The events holding a value: one event number, or ascending numbers (two or more). */
type Posting = number | number[];

export class EventIndex {
  /** Events by number (commit order). */
  private readonly events: StoredEvent[] = [];
  /** Event numbers by `_id`. */
  private readonly seqById = new Map<string, number>();
  private readonly postings = new Map<string, Map<string, Posting>>(
    INDEXED_PATHS.filter((path) => path !== EVENT_ID).map((path) => [path, new Map()]),
  );
  /** The posting maps with their paths split, for `add` (it runs for every committed event). */
  private readonly postingPaths: PostingPath[] = [...this.postings].map(([path, map]) => {
    const dot = path.indexOf('.');
    const sub = dot < 0 ? null : path.slice(dot + 1);
    return { path, top: dot < 0 ? path : path.slice(0, dot), sub, generic: sub?.includes('.') === true, map };
  });
  private readonly times: Record<TimePath, TimeIndex>;
  /** Events before this number have their postings and time-index entries. */
  private indexedUpTo = 0;

  constructor() {
    const idOf = (seq: number) => this.events[seq]!._id;
    this.times = { eventTime: new TimeIndex('eventTime', idOf), recordTime: new TimeIndex('recordTime', idOf) };
  }

  /**
   * Adds a newly committed event (its postings and time-index entries come with the next `catchUp`); false, and
   * nothing changed, when an event of that `_id` is held already (the store never replaces nor removes an event).
   */
  add(event: StoredEvent): boolean {
    if (this.seqById.has(event._id)) return false;
    this.seqById.set(event._id, this.events.length);
    this.events.push(event);
    return true;
  }

  /** Number of events added whose postings and time-index entries are still to be made. */
  get behind(): number {
    return this.events.length - this.indexedUpTo;
  }

  /**
   * Makes the postings and time-index entries of up to `limit` events still without them, in commit order. Path by
   * path over the events, rather than event by event over the paths: each posting map is then worked on alone, and
   * each property read by the same name many times in a row.
   */
  catchUp(limit = Infinity): void {
    const from = this.indexedUpTo;
    const end = Math.min(this.events.length, from + limit);
    if (end <= from) return;
    const events = this.events;
    // The values are those `someIndexedString` visits (the planner's test), read directly for `f` and `q.f` paths.
    for (const { path, top, sub, generic, map } of this.postingPaths)
      for (let seq = from; seq < end; seq += 1) {
        const event = events[seq]!;
        let value: unknown = (event as unknown as Record<string, unknown>)[top];
        if (sub !== null) {
          if (generic || !isPlainObject(value)) {
            someIndexedString(event, path, (item) => post(map, item, seq));
            continue;
          }
          value = value[sub];
        }
        if (typeof value === 'string') post(map, value, seq);
        else if (Array.isArray(value))
          for (const item of value as unknown[]) if (typeof item === 'string') post(map, item, seq);
      }
    for (const path of TIME_PATHS) {
      const time = this.times[path];
      for (let seq = from; seq < end; seq += 1) time.add(seq, events[seq]![path]);
    }
    this.indexedUpTo = end;
  }

  /** The event of an `_id`, if committed. */
  eventById(id: string): StoredEvent | undefined {
    const seq = this.seqById.get(id);
    return seq === undefined ? undefined : this.events[seq];
  }

  /** Every event, in commit order. */
  all(): readonly StoredEvent[] {
    return this.events;
  }

  /** Number of indexed events. */
  get size(): number {
    return this.events.length;
  }

  /** The event of a number. */
  event(seq: number): StoredEvent {
    return this.events[seq]!;
  }

  /** Whether a path has posting lists (or, for `eventID`, the identity map). */
  has(path: string): boolean {
    return path === EVENT_ID || this.postings.has(path);
  }

  /** Ascending numbers of the events holding a string value at an indexed path. */
  posting(path: string, value: string): readonly number[] {
    if (path === EVENT_ID) {
      // The event and its error declaration (EPCIS 2.0 §7.4.1.2: two identity keys per eventID).
      const seqs = [identityKey(value, false), identityKey(value, true)]
        .map((id) => this.seqById.get(id))
        .filter((seq): seq is number => seq !== undefined);
      return seqs.length === 2 && seqs[0]! > seqs[1]! ? [seqs[1]!, seqs[0]!] : seqs;
    }
    this.catchUp();
    const posting = this.postings.get(path)?.get(value);
    return posting === undefined ? NONE : typeof posting === 'number' ? [posting] : posting;
  }

  /** The time index of a time field. */
  time(path: TimePath): TimeIndex {
    this.catchUp();
    return this.times[path];
  }

  /** Distinct string values of indexed paths, ascending by code point, strictly after `after`. */
  distinct(paths: string[], after: string | undefined, limit: number): string[] {
    this.catchUp();
    const values = new Set<string>();
    for (const path of paths) {
      if (path === EVENT_ID) for (const id of this.seqById.keys()) values.add(id.slice(IDENTITY_PREFIX_LENGTH));
      else for (const value of this.postings.get(path)?.keys() ?? []) values.add(value);
    }
    return [...values]
      .filter((value) => after === undefined || compareStrings(value, after) > 0)
      .sort(compareStrings)
      .slice(0, Math.max(0, limit));
  }
}

/** Adds event number `seq` to a value's posting list (a value held twice by one event counts once). */
function post(map: Map<string, Posting>, value: string, seq: number): false {
  const posting = map.get(value);
  if (posting === undefined) map.set(value, seq);
  else if (typeof posting === 'number') {
    if (posting !== seq) map.set(value, [posting, seq]);
  } else if (posting[posting.length - 1] !== seq) posting.push(seq);
  return false;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Calls `visit` with each string a posting list holds the event under at a path (a string there, or the strings
 * of an array there: `valuesAtPath`, as MongoDB reaches them) until it returns true; returns whether it did.
 * The planner tests events with the same function, so its tests and the lists agree. Fast for `f` and `q.f`.
 */
export function someIndexedString(event: StoredEvent, path: string, visit: (value: string) => boolean): boolean {
  const dot = path.indexOf('.');
  let value: unknown;
  if (dot < 0) value = (event as unknown as Record<string, unknown>)[path];
  else {
    const parent = (event as unknown as Record<string, unknown>)[path.slice(0, dot)];
    if (!isPlainObject(parent) || path.indexOf('.', dot + 1) >= 0)
      return valuesAtPath(event, path).some((item) => typeof item === 'string' && visit(item));
    value = parent[path.slice(dot + 1)];
  }
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && visit(item));
  return false;
}
