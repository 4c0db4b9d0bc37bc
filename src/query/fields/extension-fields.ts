/**
 * Flattens extension fields (EPCIS 2.0 §7.x "extension", EPCIS-DIGEST §e "Extensions") into the `q.x` query
 * fields, per family (EPCIS-DIGEST §b.2): the top-level fields of a scope (the event, ilmd, errorDeclaration,
 * sensorElement, sensorMetadata, sensorReport, readPoint, bizLocation) and, for `INNER_`, the fields nested at
 * any depth inside them. An extension key is any key with a `:` (CURIE or IRI); standard keys have none.
 *
 *   q.x.eq.<family>   : ["<fieldIRI>|<value as string>", ...]  (EQ_; one multikey index per family)
 *   q.x.has.<family>  : ["<fieldIRI>", ...]                    (EXISTS_)
 *   q.x.num.<family>.<encodedIRI>  : number[]   (GT_/GE_/LT_/LE_ with a number; numeric strings count)
 *   q.x.time.<family>.<encodedIRI> : Date[]     (the same with a date-time)
 *   q.x.sort.<encodedIRI>          : the first scalar of a top-level event field (orderBy)
 */
import { remembered } from '../../model/bounded-memo';
import { encodeKey } from '../../model/key-codec';
import type { JsonObject, JsonValue } from '../../model/types';
import { canonicalFieldName, setOwn } from '../namespaces';
import type { ExtensionScope } from '../params/query-types';
import { parseDateTime, parseDecimal } from '../params/value-reader';
import { composite, extensionFamily } from './paths';

type Scalar = string | number | Date;

/**
 * The distinct values of one list, first occurrences in order (what a Set gave, for less: most lists hold one or
 * two values). A Set joins the list once it is long, so that adding stays linear.
 */
interface Distinct {
  list: string[];
  seen: Set<string> | undefined;
}

/** Above this length a list's values are also kept in a Set. */
const LINEAR_SEARCH_MAX = 16;

function addDistinct(table: Record<string, Distinct>, family: string, value: string): void {
  const distinct = table[family];
  if (distinct === undefined) {
    table[family] = { list: [value], seen: undefined };
    return;
  }
  const { list, seen } = distinct;
  if (seen !== undefined) {
    if (seen.has(value)) return;
    seen.add(value);
  } else {
    if (list.includes(value)) return;
    if (list.length >= LINEAR_SEARCH_MAX) distinct.seen = new Set(list).add(value);
  }
  list.push(value);
}

/** The collected fields; `num`, `time` and `sort` only once a value needs them. */
interface Tables {
  eq: Record<string, Distinct>;
  has: Record<string, Distinct>;
  num?: Record<string, Record<string, number[]>>;
  time?: Record<string, Record<string, Date[]>>;
  sort?: Record<string, Scalar>;
}

/** Bound of each memo below (cleared when full). */
const MEMO_SIZE = 1024;
const fieldNameMemos = new WeakMap<Record<string, string>, Map<string, string | null>>();
const encodedFieldMemo = new Map<string, string>();

/**
 * The field name of an extension key under a capture's namespaces (`canonicalFieldName`, a pure function of both),
 * remembered per namespaces object: the events of a capture repeat their extension keys, and the same string is
 * then shared by every event instead of being built again for each.
 */
function fieldName(key: string, namespaces: Record<string, string>): string | null {
  let memo = fieldNameMemos.get(namespaces);
  if (memo === undefined) fieldNameMemos.set(namespaces, (memo = new Map()));
  return remembered(memo, key, MEMO_SIZE, (name) => canonicalFieldName(name, namespaces));
}

/** `encodeKey` of a field name, remembered (a pure function). */
const encodedField = (field: string): string => remembered(encodedFieldMemo, field, MEMO_SIZE, encodeKey);

export class ExtensionCollector {
  /** Made at the first extension field (most events have none, and one collector runs per captured event). */
  private tables: Tables | null = null;

  constructor(private readonly namespaces: Record<string, string>) {}

  /** Records the extension fields of one scope object (and, as INNER, everything nested inside them). */
  collect(scope: ExtensionScope, object: JsonObject): void {
    for (const key in object) {
      if (!Object.hasOwn(object, key) || !key.includes(':')) continue;
      const field = fieldName(key, this.namespaces);
      if (field === null) continue;
      const value = object[key]!;
      this.record(extensionFamily(scope, false), field, value, scope === 'event');
      if (value !== null && typeof value === 'object') this.collectInner(extensionFamily(scope, true), value);
    }
  }

  private collectInner(family: string, value: JsonValue): void {
    if (Array.isArray(value)) {
      for (const item of value) this.collectInner(family, item);
    } else if (value !== null && typeof value === 'object' && !('@value' in value)) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const child = value[key]!;
        const field = key.includes(':') ? fieldName(key, this.namespaces) : null;
        if (field !== null) this.record(family, field, child, false);
        if (child !== null && typeof child === 'object') this.collectInner(family, child);
      }
    }
  }

  private record(family: string, field: string, value: JsonValue, sortable: boolean): void {
    const tables = (this.tables ??= { eq: {}, has: {} });
    addDistinct(tables.has, family, field);
    if (typeof value === 'string' || typeof value === 'number')
      this.recordScalar(tables, family, field, value, sortable);
    else for (const scalar of scalars(value)) this.recordScalar(tables, family, field, scalar, sortable);
  }

  private recordScalar(tables: Tables, family: string, field: string, scalar: string | number, sortable: boolean) {
    addDistinct(tables.eq, family, composite(field, String(scalar)));
    const number = typeof scalar === 'number' ? scalar : parseDecimal(scalar.trim());
    const date = typeof scalar === 'string' ? parseDateTime(scalar.trim()) : null;
    if (number === null && date === null && !sortable) return;
    const key = encodedField(field);
    if (number !== null) pushTo(((tables.num ??= {})[family] ??= {}), key, number);
    if (date !== null) pushTo(((tables.time ??= {})[family] ??= {}), key, date);
    if (sortable) {
      const sort = (tables.sort ??= {});
      if (!Object.hasOwn(sort, key)) setOwn(sort, key, date ?? number ?? scalar);
    }
  }

  /** The `q.x` object, or null when the event has no extension field at all. */
  result(): JsonObject | null {
    const tables = this.tables;
    if (tables === null) return null;
    const out: Record<string, unknown> = { eq: lists(tables.eq), has: lists(tables.has) };
    if (tables.num !== undefined) out['num'] = tables.num;
    if (tables.time !== undefined) out['time'] = tables.time;
    if (tables.sort !== undefined) out['sort'] = tables.sort;
    return out as JsonObject;
  }
}

/** The table with each family's values as an exact-length list (family names are the fixed scope names of paths.ts). */
function lists(table: Record<string, Distinct>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const family in table) {
    if (!Object.hasOwn(table, family)) continue;
    const list = table[family]!.list;
    out[family] = list.length === 1 ? list : list.slice();
  }
  return out;
}

function pushTo<T>(table: Record<string, T[]>, key: string, value: T): void {
  const list = Object.hasOwn(table, key) ? table[key] : undefined;
  if (list === undefined) setOwn(table, key, [value]);
  else list.push(value);
}

/** The scalar values of a field: itself, the items of an array, or a JSON-LD value object's `@value`. */
function scalars(value: JsonValue): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (Array.isArray(item) ? [] : scalars(item)));
  if (value !== null && typeof value === 'object' && '@value' in value) {
    const inner = value['@value'];
    return inner === undefined || inner === null || typeof inner === 'object' ? [] : scalars(inner);
  }
  return [];
}
