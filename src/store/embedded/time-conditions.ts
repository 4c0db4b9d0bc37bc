/**
 * Reads the conditions on eventTime / recordTime that the time indexes answer (time-index.ts), for a field that
 * holds a Date in every event. Anything else returns null and is left to mingo.
 * - `D`, `{ $eq: D }`, `{ $gte: D, $lt: D2, ... }` with Dates: a range (EPCIS-DIGEST §b.1 GE_/LT_ parameters).
 * - The keyset position of query/keyset.ts (`afterPosition`) for a Date key, an `$or` of
 *   `{ t: { $gt: D } }` and `{ t: D, _id: { $gt: id } }` (`$lt` when descending), plus alternatives that select
 *   values of other types (`{ t: null }`, `{ t: { $gte: <number or string> } }`): none, since every value is a
 *   Date. Together, "(t, _id) strictly after (D, id)": a range with an `_id` bound.
 */
import type { Filter } from '../event-store';
import { isTimePath, type TimePath, type TimeRange } from './time-index';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const validTime = (value: unknown): number | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : null;

/** The range of a condition on a time field, or null when it is not made only of Date comparisons. */
export function timeRange(condition: unknown): TimeRange | null {
  const equal = validTime(condition);
  if (equal !== null) return { lower: { time: equal, inclusive: true }, upper: { time: equal, inclusive: true } };
  if (!isPlainObject(condition)) return null;
  const entries = Object.entries(condition);
  if (entries.length === 0 || !boundsOnce(entries.map(([op]) => op))) return null;
  let range: TimeRange = {};
  for (const [op, operand] of entries) {
    const time = validTime(operand);
    const part = time === null ? null : opRange(op, time);
    if (part === null) return null;
    range = { ...range, ...part };
  }
  return range;
}

function opRange(op: string, time: number): TimeRange | null {
  switch (op) {
    case '$eq':
      return { lower: { time, inclusive: true }, upper: { time, inclusive: true } };
    case '$gte':
      return { lower: { time, inclusive: true } };
    case '$gt':
      return { lower: { time, inclusive: false } };
    case '$lte':
      return { upper: { time, inclusive: true } };
    case '$lt':
      return { upper: { time, inclusive: false } };
    default:
      return null;
  }
}

/** At most one operator bounds each end (`$eq` bounds both). */
function boundsOnce(ops: string[]): boolean {
  const lower = ops.filter((op) => op === '$gte' || op === '$gt' || op === '$eq').length;
  const upper = ops.filter((op) => op === '$lte' || op === '$lt' || op === '$eq').length;
  return lower <= 1 && upper <= 1;
}

/** The keyset `$or` on a time field every event holds a Date in, as a range with an `_id` bound; else null. */
export function keysetRange(
  branches: Filter[],
  pure: (path: TimePath) => boolean,
): { path: TimePath; range: TimeRange } | null {
  let strict: { path: string; op: string; time: number } | null = null;
  let tie: { path: string; op: string; time: number; id: string } | null = null;
  const others: Filter[] = [];
  for (const branch of branches) {
    const keys = Object.keys(branch);
    if (keys.length === 1 && strict === null) {
      const [path] = keys as [string];
      const condition = branch[path];
      const op = isPlainObject(condition) ? onlyKey(condition) : null;
      const time = op === '$gt' || op === '$lt' ? validTime((condition as Record<string, unknown>)[op]) : null;
      if (op !== null && time !== null) {
        strict = { path, op, time };
        continue;
      }
    }
    if (keys.length === 2 && keys.includes('_id') && tie === null) {
      const path = keys.find((key) => key !== '_id')!;
      const time = validTime(branch[path]);
      const idCondition = branch['_id'];
      const op = isPlainObject(idCondition) ? onlyKey(idCondition) : null;
      const id = op !== null ? (idCondition as Record<string, unknown>)[op] : undefined;
      if (time !== null && (op === '$gt' || op === '$lt') && typeof id === 'string') {
        tie = { path, op, time, id };
        continue;
      }
    }
    others.push(branch);
  }
  if (strict === null || tie === null) return null;
  const { path } = strict;
  if (!isTimePath(path) || !pure(path)) return null;
  if (tie.path !== path || tie.op !== strict.op || tie.time !== strict.time) return null;
  if (!others.every((branch) => selectsNoDate(branch, path))) return null;
  const bound = { time: strict.time, id: tie.id, inclusive: false };
  return { path, range: strict.op === '$gt' ? { lower: bound } : { upper: bound } };
}

/** `{ path: null }` or `{ path: { $gte: <number or string> } }`: matches no event holding a Date at the path. */
function selectsNoDate(branch: Filter, path: string): boolean {
  if (onlyKey(branch) !== path) return false;
  const condition = branch[path];
  if (condition === null) return true;
  if (!isPlainObject(condition) || onlyKey(condition) !== '$gte') return false;
  const bound = condition['$gte'];
  return typeof bound === 'number' || typeof bound === 'string';
}

function onlyKey(object: Record<string, unknown>): string | null {
  const keys = Object.keys(object);
  return keys.length === 1 ? keys[0]! : null;
}
