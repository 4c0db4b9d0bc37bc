/**
 * One multikey index for every equality query family (DESIGN.md "MongoDB: indexes created at start for every
 * indexed query family"). Each event written to MongoDB carries `qt`: one string `<family>|<value>` per value of
 * each family's precomputed query field (`q.bizStep` value `shipping` -> `bizStep|shipping`), and every read adds to
 * each condition on such a field the equivalent condition on `qt`, which the `{qt: 1}` index serves.
 *
 * Why: one index per family meant 18 multikey indexes plus 7 others to maintain on every insert; measured on the
 * test server, a raw insertMany into a collection with those 25 indexes ran at about half the speed of one into a
 * bare collection. `qt` holds the same keys in one index. The added condition is equivalent to the one it sits
 * beside (a term exists exactly when its field holds the value), so results never change; the original condition
 * stays, so the embedded store and mingo evaluate filters without knowing `qt`.
 */
import type { Filter } from '../event-store';
import { remembered } from '../../model/bounded-memo';
import { identityKey, type PreparedEvent, type QueryFields, type QueryValue, type StoredEvent } from '../stored-event';
import { storedQueryFields } from '../stored-query-fields';
import { QUERY_INDEXES } from '../../query/fields/indexes';
import { SINGLE_VALUED } from '../../query/translate/epc-match';
import { escapeRegex } from '../../query/translate/regex';
import { flatConcat } from '../../model/flat-string';

/** The field that holds the terms. */
export const TERMS_FIELD = 'qt';

/** Path of a precomputed equality field -> the prefix of its terms (`q.bizStep` -> `bizStep|`). */
const TERM_PREFIX: ReadonlyMap<string, string> = new Map(
  QUERY_INDEXES.filter((spec) => spec.length === 1 && spec[0]![0].startsWith('q.')).map((spec) => {
    const path = spec[0]![0];
    return [path, `${path.slice(2)}|`];
  }),
);

/** The paths folded into `qt`. */
export const TERM_PATHS: readonly string[] = [...TERM_PREFIX.keys()];

/**
 * Fields whose values are usually unique to an event (EPCs, business transactions, extension values): their terms
 * are not remembered, since a memo of them only kept each batch's terms alive into the next batches (promoted to the
 * old generation as garbage, --trace-gc-nvp and a sampling heap profile of a capture's writes).
 */
const UNIQUE_VALUED = new Set([
  'q.epc',
  'q.parentID',
  'q.inputEPC',
  'q.outputEPC',
  'q.bizTx',
  'q.x.eq.event',
  'q.x.eq.ilmd',
]);

/** Each folded field: its path below `q` (`['bizStep']`), its term prefix, and its terms by value (or null). */
const TERM_FIELDS = [...TERM_PREFIX].map(([path, prefix]) => ({
  parts: path.split('.').slice(1),
  prefix,
  terms: UNIQUE_VALUED.has(path) ? null : new Map<string, string>(),
}));

/**
 * Most terms of the other fields repeat from event to event (type, bizStep, disposition, read point, location...):
 * each such field remembers its last terms, so that a batch of events being written shares one string per repeated
 * term instead of holding a fresh copy of it in every event (the batch outlives several young-generation
 * collections).
 */
const REMEMBERED_TERMS = 4096;
const termOf = (field: (typeof TERM_FIELDS)[number], value: string): string =>
  field.terms === null
    ? flatConcat(field.prefix, value)
    : remembered(field.terms, value, REMEMBERED_TERMS, (known) => flatConcat(field.prefix, known));

function valueAt(q: QueryFields, parts: readonly string[]): QueryValue | undefined {
  let node: QueryValue | undefined = q;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || node instanceof Date) return undefined;
    node = node[part];
  }
  return node;
}

/** The terms of an event's precomputed query fields. */
export function indexTerms(q: QueryFields): string[] {
  const terms: string[] = [];
  for (const field of TERM_FIELDS) {
    const value = valueAt(q, field.parts);
    if (typeof value === 'string') terms.push(termOf(field, value));
    else if (Array.isArray(value))
      for (const item of value) if (typeof item === 'string') terms.push(termOf(field, item));
  }
  return terms;
}

/** The document MongoDB stores for an event: the stored event plus its terms. */
export const withTerms = (event: StoredEvent): StoredEvent & { qt: string[] } => withTermsAnd(event, {}, {});

/**
 * withTerms of the event with the fields in `changes` replaced, in one copy (a capture's writes: mongo-commit.ts).
 * An event without `q` gets its query fields here, in the copy (stored-query-fields.ts, with `namespaces`).
 */
export function withTermsAnd(
  event: PreparedEvent,
  changes: Partial<StoredEvent>,
  namespaces: Record<string, string>,
): StoredEvent & { qt: string[] } {
  const q = storedQueryFields(event, namespaces);
  return { ...event, ...changes, q, [TERMS_FIELD]: indexTerms(q) };
}

/** `^` followed by literal characters only (escaped or plain): the anchored prefixes translate/regex.ts writes. */
const LITERAL_PREFIX = /^\^(?:[^\\^$.|?*+()[\]{}]|\\[.*+?^${}()|[\]\\/-])*$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * `eventID` is not a term: the identity key `_id` (`ev|<eventID>` or `ed|<eventID>`) carries it, and the `_id`
 * index serves it, so the store needs no index of its own on `eventID`.
 */
function identityCondition(condition: unknown): Filter | null {
  const ids = (eventIDs: string[]) => ({
    _id: { $in: eventIDs.flatMap((id) => [identityKey(id, false), identityKey(id, true)]) },
  });
  if (typeof condition === 'string') return ids([condition]);
  if (!isPlainObject(condition) || Object.keys(condition).length !== 1) return null;
  const { $eq: equal, $in: among } = condition;
  if (typeof equal === 'string') return ids([equal]);
  if (Array.isArray(among) && among.every((value) => typeof value === 'string')) return ids(among as string[]);
  return null;
}

/** The `qt` condition equivalent to `condition` on the field `path`, or null when there is none. */
function termCondition(path: string, condition: unknown): Filter | null {
  if (path === 'eventID') return identityCondition(condition);
  const prefix = TERM_PREFIX.get(path);
  if (prefix === undefined) return null;
  if (typeof condition === 'string') return { [TERMS_FIELD]: prefix + condition };
  if (!isPlainObject(condition)) return null;
  const operators = Object.keys(condition);
  const only = operators.length === 1 ? operators[0] : undefined;
  const operand = only === undefined ? undefined : condition[only];
  if (only === '$eq' && typeof operand === 'string') return { [TERMS_FIELD]: prefix + operand };
  if (only === '$in' && Array.isArray(operand) && operand.every((value) => typeof value === 'string'))
    return { [TERMS_FIELD]: { $in: operand.map((value) => prefix + value) } };
  if (only === '$regex' && typeof operand === 'string' && LITERAL_PREFIX.test(operand))
    return { [TERMS_FIELD]: { $regex: `^${escapeRegex(prefix)}${operand.slice(1)}` } };
  // A prefix range [p, successor(p)) on a single-valued field (epc-match.ts) is a prefix regex. (On an array, two
  // different values may satisfy the two bounds: no term condition is equivalent.)
  const { $gte: low, $lt: high } = condition;
  if (
    SINGLE_VALUED.has(path) &&
    operators.length === 2 &&
    typeof low === 'string' &&
    typeof high === 'string' &&
    low.length > 0
  ) {
    const successor = low.slice(0, -1) + String.fromCharCode(low.charCodeAt(low.length - 1) + 1);
    if (high === successor) return { [TERMS_FIELD]: { $regex: `^${escapeRegex(prefix + low)}` } };
  }
  return null;
}

/**
 * The filter with a `qt` (or `_id`) condition beside every condition that has one, inside `$and` and `$or` (never
 * inside negations). Equivalent to the filter given.
 */
export function withIndexTerms(filter: Filter): Filter {
  const rewritten: Filter = {};
  const terms: Filter[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or') && Array.isArray(condition)) {
      rewritten[key] = condition.map((part: unknown) => (isPlainObject(part) ? withIndexTerms(part) : part));
      continue;
    }
    rewritten[key] = condition;
    const term = termCondition(key, condition);
    if (term) terms.push(term);
  }
  return terms.length === 0 ? rewritten : { $and: [rewritten, ...terms] };
}
