/**
 * The precomputed query fields of a stored event (`StoredEvent.q`, DESIGN.md "Query"): every value a query
 * compares, in ONE canonical form, so that each filter needs only simple operators ($in, $eq, range, $exists,
 * anchored prefix $regex) that MongoDB, FerretDB (no `$elemMatch` with field conditions) and mingo all run alike.
 *
 * - EPCs and other identifiers of every list: `deps.canonicalEpc` (canonical GS1 Digital Link), so that URN and
 *   DL queries match either capture form (EPCIS-DIGEST §b.3).
 * - CBV values: the bare word (cbv-canonical.ts). Custom CURIEs: expanded IRIs.
 * - Lists of typed pairs (bizTransactionList, sourceList, destinationList): composite `<type>|<value>` strings,
 *   so that type and value are matched in the SAME entry by one `$in`.
 * - Quantities and sensor values: also converted to the base unit of their dimension (units/).
 * - Extension fields: extension-fields.ts. Sensor fields: sensor-fields.ts. Paths: fields/paths.ts.
 *
 * The event is the standard JSON form with its keys NOT encoded (the capture pipeline calls this before
 * key-codec's encodeKeys); eventTime, recordTime, eventID and type live at the top of the StoredEvent.
 */
import { remembered } from '../model/bounded-memo';
import { encodeKey } from '../model/key-codec';
import type { JsonObject, JsonValue } from '../model/types';
import { canonicalCbv } from './cbv-canonical';
import { ExtensionCollector } from './fields/extension-fields';
import { composite } from './fields/paths';
import { sensorFields } from './fields/sensor-fields';
import { expandCurie, setOwn, totalCanonical } from './namespaces';
import { parseDateTime } from './params/value-reader';
import { toBase } from './units/convert';

export interface QueryFieldDeps {
  /** Canonical form of an identifier (GS1 Digital Link for EPC URNs); other URIs unchanged. */
  canonicalEpc: (uri: string) => string;
}

const asObject = (value: JsonValue | undefined): JsonObject | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
const strings = (value: JsonValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Appends the strings of a list, each mapped, to `out` (created only when the list exists): the lists of an event
 * are mostly absent, and this runs for every captured event.
 */
function mapStrings(value: JsonValue | undefined, map: (item: string) => string, out?: string[]): string[] | undefined {
  if (!Array.isArray(value)) return out;
  const into = out ?? [];
  for (const item of value) if (typeof item === 'string') into.push(map(item));
  return into;
}

/** The distinct items of a fresh list, first occurrences in order (as `[...new Set(list)]`, without a Set when short). */
function distinct<T>(list: T[]): T[] {
  if (list.length > 16) return [...new Set(list)];
  // indexOf finds every earlier equal item but NaN (which Set also merges): either way, the exact pass below.
  for (let i = 1; i < list.length; i += 1) {
    if (list.indexOf(list[i]!) === i) continue;
    const out: T[] = [];
    for (const item of list) if (!out.includes(item)) out.push(item);
    return out;
  }
  return list;
}

/** Bound of the memo of canonical location identifiers (cleared when full). */
const LOCATION_MEMO_SIZE = 4096;
const locationMemos = new WeakMap<QueryFieldDeps['canonicalEpc'], Map<string, string>>();

/**
 * `epc` (a total canonicalEpc) remembering its results for read points and business locations, which most events of
 * a site repeat. `canonicalEpc` is a pure function of its input, so a remembered result is the computed one.
 */
function memoisedLocations(deps: QueryFieldDeps, epc: (uri: string) => string): (uri: string) => string {
  let memo = locationMemos.get(deps.canonicalEpc);
  if (memo === undefined) locationMemos.set(deps.canonicalEpc, (memo = new Map()));
  const known = memo;
  return (uri) => remembered(known, uri, LOCATION_MEMO_SIZE, epc);
}

export function computeQueryFields(
  event: JsonObject,
  namespaces: Record<string, string>,
  deps: QueryFieldDeps,
): JsonObject {
  const epc = totalCanonical(deps.canonicalEpc);
  const location = memoisedLocations(deps, epc);
  const q: Record<string, unknown> = {};
  // A list is stored as an exact-length copy: the lists here grow by push, which leaves a backing store of about 17
  // slots (188 bytes for two items, 65 for the copy), and the stored form keeps them (in memory in the embedded
  // store, until written for MongoDB).
  const set = (name: string, value: unknown) => {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return;
    q[name] = Array.isArray(value) ? distinct(value).slice() : value;
  };
  const str = (name: string) => (typeof event[name] === 'string' ? event[name] : undefined);

  set('type', str('type') === undefined ? undefined : expandCurie(str('type') as string, namespaces));
  set('action', str('action'));
  const bizStep = str('bizStep');
  const disposition = str('disposition');
  set('bizStep', bizStep === undefined ? undefined : canonicalCbv('bizStep', bizStep, namespaces));
  set('disposition', disposition === undefined ? undefined : canonicalCbv('disposition', disposition, namespaces));
  const persistent = asObject(event['persistentDisposition']);
  if (persistent !== null) {
    const disposition = (d: string) => canonicalCbv('disposition', d, namespaces);
    set('pdSet', mapStrings(persistent['set'], disposition));
    set('pdUnset', mapStrings(persistent['unset'], disposition));
  }

  const readPoint = asObject(event['readPoint']);
  const bizLocation = asObject(event['bizLocation']);
  const locationId = (o: JsonObject | null) => (typeof o?.['id'] === 'string' ? location(o['id']) : undefined);
  set('readPoint', locationId(readPoint));
  set('bizLocation', locationId(bizLocation));
  set('transformationID', str('transformationID'));

  // MATCH_epc covers epcList and childEPCs (EPCIS-DIGEST §b.1).
  set('epc', mapStrings(event['childEPCs'], epc, mapStrings(event['epcList'], epc)));
  set('parentID', str('parentID') === undefined ? undefined : epc(str('parentID') as string));
  set('inputEPC', mapStrings(event['inputEPCList'], epc));
  set('outputEPC', mapStrings(event['outputEPCList'], epc));

  const quantities: number[] = [];
  let quantityBase: Record<string, number[]> | undefined;
  /** The classes of a quantity list appended to `out` (created when the list exists); quantities on the side. */
  const quantityClasses = (list: JsonValue | undefined, out?: string[]): string[] | undefined => {
    if (!Array.isArray(list)) return out;
    const classes = out ?? [];
    for (const item of list) {
      const element = asObject(item);
      if (element === null) continue;
      if (typeof element['epcClass'] === 'string') classes.push(epc(element['epcClass']));
      const quantity = element['quantity'];
      if (typeof quantity !== 'number') continue;
      quantities.push(quantity);
      if (typeof element['uom'] === 'string') {
        const base = toBase(quantity, element['uom']);
        const unit = encodeKey(base.unit);
        quantityBase ??= {};
        const bucket = Object.hasOwn(quantityBase, unit) ? quantityBase[unit] : undefined;
        if (bucket === undefined) setOwn(quantityBase, unit, [base.value]);
        else bucket.push(base.value);
      }
    }
    return classes;
  };
  set('epcClass', quantityClasses(event['childQuantityList'], quantityClasses(event['quantityList'])));
  set('inputEPCClass', quantityClasses(event['inputQuantityList']));
  set('outputEPCClass', quantityClasses(event['outputQuantityList']));
  set('qty', quantities);
  if (quantityBase !== undefined) q['qtyBase'] = quantityBase;

  // EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>: same-entry composites (EPCIS-DIGEST §b.2).
  const typed = (list: string, valueKey: string, vocabulary: 'bizTransactionType' | 'sourceDestType') => {
    const entries = event[list];
    if (!Array.isArray(entries)) return undefined;
    const out: string[] = [];
    for (const item of entries) {
      const entry = asObject(item);
      const value = entry?.[valueKey];
      if (typeof value !== 'string') continue;
      const type = typeof entry?.['type'] === 'string' ? canonicalCbv(vocabulary, entry['type'], namespaces) : '';
      out.push(composite(type, epc(value)));
    }
    return out;
  };
  set('bizTx', typed('bizTransactionList', 'bizTransaction', 'bizTransactionType'));
  set('source', typed('sourceList', 'source', 'sourceDestType'));
  set('destination', typed('destinationList', 'destination', 'sourceDestType'));

  const extensions = new ExtensionCollector(namespaces);
  extensions.collect('event', event);
  const ilmd = asObject(event['ilmd']);
  if (ilmd !== null) extensions.collect('ilmd', ilmd);
  if (readPoint !== null) extensions.collect('readPoint', readPoint);
  if (bizLocation !== null) extensions.collect('bizLocation', bizLocation);

  const declaration = asObject(event['errorDeclaration']);
  if (declaration !== null) {
    extensions.collect('errorDeclaration', declaration);
    const ed: Record<string, unknown> = { corrective: strings(declaration['correctiveEventIDs']).slice() };
    const time =
      typeof declaration['declarationTime'] === 'string' ? parseDateTime(declaration['declarationTime']) : null;
    if (time !== null) ed['time'] = time;
    if (typeof declaration['reason'] === 'string') {
      ed['reason'] = canonicalCbv('errorReason', declaration['reason'], namespaces);
    }
    q['ed'] = ed;
  }

  const sensor = sensorFields(event, namespaces, epc, extensions);
  if (sensor !== null) q['sensor'] = sensor;
  const x = extensions.result();
  if (x !== null) q['x'] = x;
  return q as JsonObject;
}
