/**
 * In-memory indexes of the embedded store (issue 4, Build 2: "in-memory indexes in the embedded store so that it
 * does not scan everything"): for the most selective precomputed fields, value -> ids of the events holding it.
 * `candidates(filter)` reads the equality / `$in` conditions of a filter document and returns a superset of the
 * events that can match (in commit order), or null when the filter has no indexed condition. mingo still tests
 * every candidate against the whole filter, so results are exactly those of a full scan.
 */
import type { Filter } from '../event-store';
import type { StoredEvent } from '../stored-event';
import { compareStrings, valuesAtPath } from './sort-order';

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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

export class EventIndex {
  private readonly maps = new Map<string, Map<string, Set<string>>>(INDEXED_PATHS.map((path) => [path, new Map()]));
  /** Commit order of every event, to return candidates in the order a scan would see them. */
  private readonly seq = new Map<string, number>();

  add(event: StoredEvent): void {
    if (!this.seq.has(event._id)) this.seq.set(event._id, this.seq.size);
    for (const [path, map] of this.maps) {
      for (const value of valuesAtPath(event, path)) {
        if (typeof value !== 'string') continue;
        let ids = map.get(value);
        if (!ids) map.set(value, (ids = new Set()));
        ids.add(event._id);
      }
    }
  }

  has(path: string): boolean {
    return this.maps.has(path);
  }

  /** Distinct string values of indexed paths, ascending by code point, strictly after `after`. */
  distinct(paths: string[], after: string | undefined, limit: number): string[] {
    const values = new Set<string>();
    for (const path of paths) for (const value of this.maps.get(path)?.keys() ?? []) values.add(value);
    return [...values]
      .filter((value) => after === undefined || compareStrings(value, after) > 0)
      .sort(compareStrings)
      .slice(0, Math.max(0, limit));
  }

  /** Ids of the events that may match, in commit order; null when the filter cannot use an index. */
  candidates(filter: Filter): string[] | null {
    const ids = this.conjunction(filter);
    if (ids === null) return null;
    return [...ids].sort((a, b) => (this.seq.get(a) ?? 0) - (this.seq.get(b) ?? 0));
  }

  /** Every key of a filter object is ANDed: the smallest indexed candidate set wins (null = no restriction). */
  private conjunction(filter: Filter): Set<string> | null {
    let best: Set<string> | null = null;
    const consider = (set: Set<string> | null) => {
      if (set !== null && (best === null || set.size < best.size)) best = set;
    };
    for (const [key, condition] of Object.entries(filter)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) consider(this.conjunction(part));
      } else if (key === '$or' && Array.isArray(condition)) {
        consider(this.disjunction(condition));
      } else if (!key.startsWith('$')) {
        consider(this.field(key, condition));
      }
    }
    return best;
  }

  /** An `$or` narrows only when every branch does. */
  private disjunction(branches: unknown[]): Set<string> | null {
    const union = new Set<string>();
    for (const branch of branches) {
      const set = isPlainObject(branch) ? this.conjunction(branch) : null;
      if (set === null) return null;
      for (const id of set) union.add(id);
    }
    return union;
  }

  private field(path: string, condition: unknown): Set<string> | null {
    const map = this.maps.get(path);
    if (!map) return null;
    let values: unknown[];
    if (typeof condition === 'string') values = [condition];
    else if (isPlainObject(condition) && Object.keys(condition).length === 1 && Array.isArray(condition['$in']))
      values = condition['$in'];
    else if (isPlainObject(condition) && Object.keys(condition).length === 1 && typeof condition['$eq'] === 'string')
      values = [condition['$eq']];
    else return null;
    if (!values.every((value) => typeof value === 'string')) return null;
    const out = new Set<string>();
    for (const value of values as string[]) for (const id of map.get(value) ?? []) out.add(id);
    return out;
  }
}
