/**
 * MongoDB's sort order, for the embedded store, so that the same `sort` gives the same order on both adapters
 * (DESIGN.md "Both adapters execute that same filter"). MongoDB compares values of different types by type
 * (MinKey < null/missing < numbers < strings < objects < arrays < binary < ObjectId < booleans < Dates < ...);
 * strings by UTF-8 bytes (= code points) under the default collation; a field holding an array sorts by its
 * smallest element ascending and its largest descending, an empty array before null.
 */
type Rank = number;

const NULL_RANK = 1;

function typeRank(value: unknown): Rank {
  if (value === null || value === undefined) return NULL_RANK;
  if (typeof value === 'number' || typeof value === 'bigint') return 2;
  if (typeof value === 'string') return 3;
  if (value instanceof Date) return 9;
  if (typeof value === 'boolean') return 8;
  if (value instanceof RegExp) return 11;
  if (Array.isArray(value)) return 5;
  return 4;
}

/** Code point order (what UTF-8 byte comparison gives), not JavaScript's UTF-16 code unit order. */
export function compareStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate === ySurrogate) return x - y;
    return xSurrogate ? 1 : -1; // a surrogate pair encodes a code point above every BMP character
  }
  return a.length - b.length;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case NULL_RANK:
      return 0;
    case 2:
      return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
    case 3:
      return compareStrings(a as string, b as string);
    case 8:
      return Number(a) - Number(b);
    case 9:
      return (a as Date).getTime() - (b as Date).getTime();
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 4:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    default:
      return compareStrings(String(a), String(b));
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Embedded documents compare field by field: type of value, then field name, then value (BSON order). */
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const entriesA = Object.entries(a);
  const entriesB = Object.entries(b);
  for (let i = 0; i < Math.min(entriesA.length, entriesB.length); i += 1) {
    const [keyA, valueA] = entriesA[i]!;
    const [keyB, valueB] = entriesB[i]!;
    const byType = typeRank(valueA) - typeRank(valueB);
    if (byType !== 0) return byType;
    const byName = compareStrings(keyA, keyB);
    if (byName !== 0) return byName;
    const byValue = compareValues(valueA, valueB);
    if (byValue !== 0) return byValue;
  }
  return entriesA.length - entriesB.length;
}

/** Every value a dotted path reaches (descending through arrays, as MongoDB does), flattened one level. */
export function valuesAtPath(document: unknown, path: string): unknown[] {
  let current: unknown[] = [document];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        if (/^\d+$/.test(part)) next.push(value[Number(part)]);
        else for (const item of value) if (isObject(item)) next.push(item[part]);
      } else if (isObject(value)) next.push(value[part]);
      else next.push(undefined);
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? (value.length === 0 ? [EMPTY] : value) : [value]));
}

const EMPTY = Symbol('empty array');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
}

/** The sort key of a document for one field: the smallest reachable value ascending, the largest descending. */
export function sortKey(document: unknown, path: string, direction: 1 | -1): unknown {
  // Fast path: a top-level scalar (recordTime, eventTime, _id) is its own key.
  if (!path.includes('.') && isObject(document)) {
    const value = document[path];
    if (!Array.isArray(value)) return value === undefined ? null : value;
  }
  const values = valuesAtPath(document, path);
  if (values.length === 0) return null;
  let best: unknown = values[0];
  for (const value of values.slice(1)) {
    const order = compareKeys(value, best);
    if (direction === 1 ? order < 0 : order > 0) best = value;
  }
  return best;
}

export function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY || b === EMPTY) return a === b ? 0 : a === EMPTY ? -1 : 1;
  return compareValues(a, b);
}
