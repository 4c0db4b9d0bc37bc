/**
 * Turns a MongoDB filter document into a plan over the embedded store's indexes (event-index.ts): an exact test
 * of one event and the candidate sets ("sources") that hold every match. The conditions the indexes understand
 * are tested natively, with MongoDB's semantics, and give sources:
 * - equality / `$in` / `$eq` on strings at an indexed path (posting lists);
 * - `$gte` / `$gt` / `$lt` / `$lte` / equality on a Date at eventTime or recordTime (a span of the time index);
 * - the keyset position of query/keyset.ts on those fields, an `$or` meaning "after (time, _id)" (a span too);
 * - `$and` (every source of every part) and `$or` (the union of one source per branch, when each has one).
 * Everything else is left to mingo, once per conjunction, after the native tests.
 */
import { Query } from 'mingo';
import type { Filter } from '../event-store';
import { type EventIndex, someIndexedString } from './event-index';
import { intersectSpans, isTimePath, type Span, type TimePath, type TimeRange } from './time-index';
import { keysetRange, timeRange } from './time-conditions';

export type Source =
  | { kind: 'postings'; lists: readonly (readonly number[])[]; size: number }
  | { kind: 'span'; path: TimePath; span: Span; size: number }
  /** `exact`: every part holds only matches of its branch, so the union holds only matches. */
  | { kind: 'union'; parts: Source[]; size: number; exact: boolean };

export interface Plan {
  /** Whether the event of a number matches the whole filter. */
  test: (seq: number) => boolean;
  /** Candidate sets, each holding every match (an AND offers one per indexed part). */
  sources: Source[];
  /**
   * A source that holds only matches, when the filter is that one indexed condition: its members need no test.
   * (A posting list holds exactly the events `someIndexedString` finds; a span exactly those within its ranges.)
   */
  exact?: Source;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isFilterList = (value: unknown): value is Filter[] =>
  Array.isArray(value) && value.length > 0 && value.every(isPlainObject);

type Test = (seq: number) => boolean;

/** What one conjunction collects: native tests, the rest for mingo, sources, and time ranges by field. */
interface Conjunction {
  tests: Test[];
  rest: Filter[];
  sources: Source[];
  ranges: Map<TimePath, TimeRange[]>;
}

export function planFilter(index: EventIndex, filter: Filter): Plan {
  return new Planner(index).conjunction(filter);
}

class Planner {
  constructor(private readonly index: EventIndex) {}

  conjunction(filter: Filter): Plan {
    const parts: Conjunction = { tests: [], rest: [], sources: [], ranges: new Map() };
    this.collect(filter, parts);
    for (const [path, ranges] of parts.ranges) {
      const time = this.index.time(path);
      const span = ranges.map((range) => time.span(range)).reduce(intersectSpans);
      parts.sources.push({ kind: 'span', path, span, size: span.to - span.from });
      parts.tests.push((seq) => ranges.every((range) => time.contains(seq, range)));
    }
    const tests = parts.tests;
    if (parts.rest.length > 0) {
      const mingo = new Query(parts.rest.length === 1 ? parts.rest[0]! : { $and: parts.rest }, {
        scriptEnabled: false,
      });
      tests.push((seq) => mingo.test(this.index.event(seq) as unknown as Record<string, unknown>));
    }
    const test: Test =
      tests.length === 0 ? () => true : tests.length === 1 ? tests[0]! : (seq) => tests.every((t) => t(seq));
    const [only] = parts.sources;
    const exact =
      only && parts.sources.length === 1 && tests.length === 1 && (only.kind !== 'union' || only.exact) ? only : null;
    return { test, sources: parts.sources, ...(exact ? { exact } : {}) };
  }

  /** Adds every key of a filter object (all ANDed) to a conjunction. */
  private collect(filter: Filter, into: Conjunction): void {
    for (const [key, condition] of Object.entries(filter)) {
      if (key === '$and' && isFilterList(condition)) {
        for (const part of condition) this.collect(part, into);
      } else if (key === '$or' && isFilterList(condition)) {
        this.disjunction(condition, into);
      } else if (!key.startsWith('$') && this.field(key, condition, into)) {
        // answered natively
      } else into.rest.push({ [key]: condition });
    }
  }

  private disjunction(branches: Filter[], into: Conjunction): void {
    const keyset = keysetRange(branches, (path) => this.index.time(path).pure);
    if (keyset) return addRange(into, keyset.path, keyset.range);
    const plans = branches.map((branch) => this.conjunction(branch));
    into.tests.push((seq) => plans.some((plan) => plan.test(seq)));
    if (plans.every((plan) => plan.sources.length > 0)) {
      const parts = plans.map((plan) => smallest(plan.sources)!);
      const exact = plans.every((plan, i) => plan.exact === parts[i]);
      into.sources.push({ kind: 'union', parts, size: parts.reduce((sum, part) => sum + part.size, 0), exact });
    }
  }

  /** A condition on one field answered by an index (true), or not (false: left to mingo). */
  private field(path: string, condition: unknown, into: Conjunction): boolean {
    if (isTimePath(path)) {
      const range = this.index.time(path).pure ? timeRange(condition) : null;
      if (range) addRange(into, path, range);
      return range !== null;
    }
    if (!this.index.has(path)) return false;
    const values = stringValues(condition);
    if (values === null) return false;
    const lists = values.map((value) => this.index.posting(path, value));
    into.sources.push({ kind: 'postings', lists, size: lists.reduce((sum, list) => sum + list.length, 0) });
    const wanted = new Set(values);
    into.tests.push((seq) => someIndexedString(this.index.event(seq), path, (value) => wanted.has(value)));
    return true;
  }
}

function addRange(into: Conjunction, path: TimePath, range: TimeRange): void {
  const ranges = into.ranges.get(path);
  if (ranges) ranges.push(range);
  else into.ranges.set(path, [range]);
}

/** The strings of `'v'`, `{ $eq: 'v' }` or `{ $in: ['v', ...] }`, or null for any other condition. */
function stringValues(condition: unknown): string[] | null {
  if (typeof condition === 'string') return [condition];
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return null;
  if (typeof condition['$eq'] === 'string') return [condition['$eq']];
  const list = condition['$in'];
  return Array.isArray(list) && list.every((value) => typeof value === 'string') ? (list as string[]) : null;
}

/** The source with the fewest candidates. */
export function smallest(sources: Source[]): Source | undefined {
  let best: Source | undefined;
  for (const source of sources) if (best === undefined || source.size < best.size) best = source;
  return best;
}
