/**
 * A sort-ordered index of the embedded store on one top-level time field (`eventTime` or `recordTime`), in the
 * order of the query sort (translate/sort.ts: the time, then `_id`; QUERY_INDEXES `[[time, 1], ['_id', 1]]`):
 * event numbers ordered by (time, `_id` in code point order, as MongoDB compares strings). Range predicates
 * (`$gte`, `$gt`, `$lt`, `$lte` on a Date, and a keyset position "after (time, _id)") become a span of ranks
 * found by binary search, and a sorted query with a limit walks the span in order and stops early.
 *
 * The index holds numbers only (no copy of a document): the times by event number and the list of numbers.
 * It is `pure` while every event holds a valid Date at the field; a field holding anything else (MongoDB orders
 * values of other types apart) makes the planner leave that field to mingo.
 */
import { ChunkedSortedList } from './chunked-sorted-list';
import { compareStrings } from './sort-order';

export const TIME_PATHS = ['eventTime', 'recordTime'] as const;
export type TimePath = (typeof TIME_PATHS)[number];

export const isTimePath = (path: string): path is TimePath => (TIME_PATHS as readonly string[]).includes(path);

/**
 * One end of a span in (time, _id) order. Without `id`: every event of that time is inside the span
 * (`inclusive`) or outside it. With `id`: the position of that (time, _id), itself inside or outside.
 */
export interface TimeBound {
  time: number;
  id?: string;
  inclusive: boolean;
}

export interface TimeRange {
  lower?: TimeBound;
  upper?: TimeBound;
}

/** A span of ranks [from, to) of a time index. */
export interface Span {
  from: number;
  to: number;
}

const BEYOND_BMP_ORDER = /[\uD800-\uFFFF]/;

export class TimeIndex {
  /** Milliseconds since the epoch by event number (NaN: not a valid Date). */
  private readonly times: number[] = [];
  /** Whether an event's `_id` has no code unit from U+D800 up, where code unit and code point orders differ. */
  private readonly plain: boolean[] = [];
  private readonly list: ChunkedSortedList<number>;
  private impure = 0;

  constructor(
    readonly path: TimePath,
    /** The `_id` of an event number. */
    private readonly idOf: (seq: number) => string,
  ) {
    this.list = new ChunkedSortedList<number>((a, b) => this.compareSeqs(a, b));
  }

  /** Whether every event holds a valid Date at the field (so that every event is in the list). */
  get pure(): boolean {
    return this.impure === 0;
  }

  get size(): number {
    return this.list.size;
  }

  /** Adds event number `seq` (numbers are given in increasing order, once each). */
  add(seq: number, value: unknown): void {
    const time = value instanceof Date ? value.getTime() : NaN;
    this.times[seq] = time;
    this.plain[seq] = !BEYOND_BMP_ORDER.test(this.idOf(seq));
    if (Number.isNaN(time)) this.impure += 1;
    else this.list.insert(seq);
  }

  /** The time of an event number (NaN when it holds no valid Date). */
  timeOf(seq: number): number {
    return this.times[seq] ?? NaN;
  }

  /** Orders two indexed events: time, then `_id` (code points). */
  compareSeqs(a: number, b: number): number {
    const byTime = this.times[a]! - this.times[b]!;
    if (byTime !== 0) return byTime;
    const idA = this.idOf(a);
    const idB = this.idOf(b);
    // The engine's comparison (code units) is code point order when neither id has a unit from U+D800 up.
    if (this.plain[a] && this.plain[b]) return idA < idB ? -1 : idA > idB ? 1 : 0;
    return compareStrings(idA, idB);
  }

  /** The ranks of the events within a range. */
  span(range: TimeRange): Span {
    const from = range.lower ? this.list.rank((seq) => this.outside(seq, range.lower!, 'lower')) : 0;
    const to = range.upper ? this.list.rank((seq) => !this.outside(seq, range.upper!, 'upper')) : this.list.size;
    return { from, to: Math.max(from, to) };
  }

  /** Visits the events of a span, ascending or descending, until `visit` returns false; returns how many. */
  visit(span: Span, direction: 1 | -1, visit: (seq: number) => boolean): number {
    return this.list.visit(span.from, span.to, direction, visit);
  }

  /** The event numbers of a span, in index order. */
  seqs(span: Span): number[] {
    const out: number[] = [];
    this.list.visit(span.from, span.to, 1, (seq) => {
      out.push(seq);
      return true;
    });
    return out;
  }

  /** Whether an event lies within a range (the same test as the span, for one event). */
  contains(seq: number, range: TimeRange): boolean {
    if (Number.isNaN(this.timeOf(seq))) return false;
    if (range.lower && this.outside(seq, range.lower, 'lower')) return false;
    return !(range.upper && this.outside(seq, range.upper, 'upper'));
  }

  /** Whether an (indexed) event lies beyond one end of a range: before a lower bound, after an upper one. */
  private outside(seq: number, bound: TimeBound, end: 'lower' | 'upper'): boolean {
    let order = this.times[seq]! - bound.time;
    if (order === 0 && bound.id !== undefined) order = compareStrings(this.idOf(seq), bound.id);
    if (order === 0) return !bound.inclusive;
    return end === 'lower' ? order < 0 : order > 0;
  }
}

/** The intersection of two spans of the same index. */
export function intersectSpans(a: Span, b: Span): Span {
  const from = Math.max(a.from, b.from);
  return { from, to: Math.max(from, Math.min(a.to, b.to)) };
}
