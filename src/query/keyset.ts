/**
 * Keyset pagination over the query sort (translate/sort.ts: one sort key, then `_id` in the same direction;
 * EPCIS-DIGEST §a pagination: "stable under concurrent inserts"). A position is the sort key of the last event
 * returned plus its `_id`, carried in the page token as JSON with its type kept (a Date must come back a Date).
 *
 * The sort key of an extension field (`orderBy=<ns:field>`) may be missing or hold numbers, strings or Dates, so
 * "after" follows MongoDB's cross-type order, which both stores share (sort-order.ts): null/missing < numbers <
 * strings < Dates. A range operator only compares within one type ("type bracketing"), so the types above (or
 * below) the position's own type are added explicitly; missing and null are one class, matched by `{key: null}`.
 */
import type { JsonValue } from '../model/types';
import type { Filter, SortSpec } from '../store/event-store';
import type { QueryValue } from '../store/stored-event';

export type KeyValue = null | number | string | Date;

/** A position after one event: its sort key and its `_id`. */
export interface KeysetPosition {
  key: KeyValue;
  id: string;
}

const RANK = { null: 0, number: 1, string: 2, date: 3 } as const;
type TypeName = keyof typeof RANK;
const TYPES: TypeName[] = ['null', 'number', 'string', 'date'];

const typeOf = (value: KeyValue): TypeName =>
  value === null ? 'null' : value instanceof Date ? 'date' : typeof value === 'number' ? 'number' : 'string';

/** Every value of one type (null: missing or null). */
function allOfType(path: string, type: TypeName): Filter {
  switch (type) {
    case 'null':
      return { [path]: null };
    case 'number':
      return { [path]: { $gte: -Number.MAX_VALUE } };
    case 'string':
      return { [path]: { $gte: '' } };
    case 'date':
      return { [path]: { $gte: new Date(-8_640_000_000_000_000) } };
  }
}

/** The filter "strictly after this position" for a two-field sort `[[key, d], ['_id', d]]`. */
export function afterPosition(sort: SortSpec, position: KeysetPosition): Filter {
  const [[path, direction] = ['recordTime', 1]] = sort;
  const type = typeOf(position.key);
  const op = direction === 1 ? '$gt' : '$lt';
  const alternatives: Filter[] = [];
  if (type !== 'null') alternatives.push({ [path]: { [op]: position.key } });
  for (const other of TYPES) {
    const beyond = direction === 1 ? RANK[other] > RANK[type] : RANK[other] < RANK[type];
    if (beyond) alternatives.push(allOfType(path, other));
  }
  alternatives.push({ [path]: position.key, _id: { [op]: position.id } });
  return { $or: alternatives };
}

/** The sort key of a stored document (the first scalar, as translate/sort.ts sorts on scalar fields). */
export function keyOf(document: object, path: string): KeyValue {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object' || current instanceof Date) return null;
    current = Object.hasOwn(current, part) ? (current as Record<string, QueryValue>)[part] : undefined;
  }
  if (current instanceof Date || typeof current === 'number' || typeof current === 'string') return current;
  return null;
}

/** JSON form for a page token: `[type, value, id]`, Dates as epoch milliseconds. */
export function encodePosition(position: KeysetPosition): JsonValue[] {
  const { key } = position;
  const type = typeOf(key);
  return [type, key instanceof Date ? key.getTime() : key, position.id];
}

/** The position read back from a token's JSON (already authenticated), or null when it is not one. */
export function decodePosition(json: JsonValue[]): KeysetPosition | null {
  const [type, value, id] = json;
  if (typeof id !== 'string') return null;
  if (type === 'null' && value === null) return { key: null, id };
  if (type === 'number' && typeof value === 'number') return { key: value, id };
  if (type === 'string' && typeof value === 'string') return { key: value, id };
  if (type === 'date' && typeof value === 'number') return { key: new Date(value), id };
  return null;
}
