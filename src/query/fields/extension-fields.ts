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
import { encodeKey } from '../../model/key-codec';
import type { JsonObject, JsonValue } from '../../model/types';
import { canonicalFieldName, setOwn } from '../namespaces';
import type { ExtensionScope } from '../params/query-types';
import { parseDateTime, parseDecimal } from '../params/value-reader';
import { composite, extensionFamily } from './paths';

type Scalar = string | number | Date;

export class ExtensionCollector {
  private readonly eq: Record<string, Set<string>> = {};
  private readonly has: Record<string, Set<string>> = {};
  private readonly num: Record<string, Record<string, number[]>> = {};
  private readonly time: Record<string, Record<string, Date[]>> = {};
  private readonly sort: Record<string, Scalar> = {};

  constructor(private readonly namespaces: Record<string, string>) {}

  /** Records the extension fields of one scope object (and, as INNER, everything nested inside them). */
  collect(scope: ExtensionScope, object: JsonObject): void {
    for (const key in object) {
      if (!Object.hasOwn(object, key) || !key.includes(':')) continue;
      const field = canonicalFieldName(key, this.namespaces);
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
        const field = key.includes(':') ? canonicalFieldName(key, this.namespaces) : null;
        if (field !== null) this.record(family, field, child, false);
        if (child !== null && typeof child === 'object') this.collectInner(family, child);
      }
    }
  }

  private record(family: string, field: string, value: JsonValue, sortable: boolean): void {
    (this.has[family] ??= new Set()).add(field);
    let key: string | undefined; // encodeKey(field), once
    for (const scalar of scalars(value)) {
      (this.eq[family] ??= new Set()).add(composite(field, String(scalar)));
      const number = typeof scalar === 'number' ? scalar : parseDecimal(scalar.trim());
      const date = typeof scalar === 'string' ? parseDateTime(scalar.trim()) : null;
      key ??= encodeKey(field);
      if (number !== null) pushTo((this.num[family] ??= {}), key, number);
      if (date !== null) pushTo((this.time[family] ??= {}), key, date);
      if (sortable && !Object.hasOwn(this.sort, key)) setOwn(this.sort, key, date ?? number ?? scalar);
    }
  }

  /** The `q.x` object, or null when the event has no extension field at all. */
  result(): JsonObject | null {
    if (Object.keys(this.has).length === 0) return null;
    const sets = (table: Record<string, Set<string>>) =>
      Object.fromEntries(Object.entries(table).map(([family, set]) => [family, [...set]]));
    const out: Record<string, unknown> = { eq: sets(this.eq), has: sets(this.has) };
    if (Object.keys(this.num).length > 0) out['num'] = this.num;
    if (Object.keys(this.time).length > 0) out['time'] = this.time;
    if (Object.keys(this.sort).length > 0) out['sort'] = this.sort;
    return out as JsonObject;
  }
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
