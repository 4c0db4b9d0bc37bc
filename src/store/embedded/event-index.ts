/**
 * In-memory indexes of the embedded store (issue 4, Build 2: "in-memory indexes in the embedded store so that it
 * does not scan everything"): for the most selective precomputed fields, value -> ids of the events holding it.
 * `candidates(filter)` reads the equality / `$in` conditions of a filter document and returns a superset of the
 * events that can match (in commit order), or null when the filter has no indexed condition. mingo tests every
 * candidate against the whole filter, unless the index answered every condition (`exact`), so results are exactly
 * those of a full scan.
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

interface Plan {
  ids: Set<string>;
  exact: boolean;
}

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

  /**
   * The events that may match, in commit order, or null when the filter cannot use an index. `exact` when every
   * condition of the filter was answered by an index (equality / `$in` on indexed paths, under `$and` / `$or`):
   * then the candidates are exactly the matches and need no further test.
   */
  candidates(filter: Filter): { ids: string[]; exact: boolean } | null {
    const plan = this.conjunction(filter);
    if (plan === null) return null;
    const ids = [...plan.ids].sort((a, b) => (this.seq.get(a) ?? 0) - (this.seq.get(b) ?? 0));
    return { ids, exact: plan.exact };
  }

  /** Every key of a filter object is ANDed: all exact -> the intersection; else the smallest set, inexact. */
  private conjunction(filter: Filter): Plan | null {
    const plans: Plan[] = [];
    let exact = true;
    const consider = (plan: Plan | null) => {
      if (plan === null) exact = false;
      else {
        plans.push(plan);
        exact &&= plan.exact;
      }
    };
    for (const [key, condition] of Object.entries(filter)) {
      if (key === '$and' && Array.isArray(condition)) {
        for (const part of condition) consider(isPlainObject(part) ? this.conjunction(part) : null);
      } else if (key === '$or' && Array.isArray(condition)) {
        consider(this.disjunction(condition));
      } else if (!key.startsWith('$')) {
        const ids = this.field(key, condition);
        consider(ids === null ? null : { ids, exact: true });
      } else consider(null);
    }
    if (plans.length === 0) return null;
    plans.sort((a, b) => a.ids.size - b.ids.size);
    const smallest = plans[0]!;
    if (!exact) return { ids: smallest.ids, exact: false };
    const ids = new Set([...smallest.ids].filter((id) => plans.every((plan) => plan.ids.has(id))));
    return { ids, exact: true };
  }

  /** An `$or` narrows only when every branch does; it is exact when every branch is. */
  private disjunction(branches: unknown[]): Plan | null {
    const union = new Set<string>();
    let exact = true;
    for (const branch of branches) {
      const plan = isPlainObject(branch) ? this.conjunction(branch) : null;
      if (plan === null) return null;
      exact &&= plan.exact;
      for (const id of plan.ids) union.add(id);
    }
    return { ids: union, exact };
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
