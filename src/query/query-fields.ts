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
import { canonicalEpc } from '../identifiers';
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

/** The identifier forms of one injected `canonicalEpc`, made once per function (not once per event). */
interface Canonical {
  /** `canonicalEpc` made total (namespaces.ts `totalCanonical`). */
  epc: (uri: string) => string;
  /** Canonical read points and business locations, which most events of a site repeat. */
  locations: Map<string, string>;
}
const canonicals = new WeakMap<QueryFieldDeps['canonicalEpc'], Canonical>();

function canonicalFor(deps: QueryFieldDeps): Canonical {
  let canonical = canonicals.get(deps.canonicalEpc);
  if (canonical === undefined) {
    canonical = { epc: totalCanonical(deps.canonicalEpc), locations: new Map() };
    canonicals.set(deps.canonicalEpc, canonical);
  }
  return canonical;
}

/**
 * The canonical id of a readPoint or bizLocation, remembered: `canonicalEpc` is a pure function of its input, so a
 * remembered result is the computed one.
 */
function locationId(canonical: Canonical, location: JsonObject | null): string | undefined {
  const id = location?.['id'];
  return typeof id === 'string' ? remembered(canonical.locations, id, LOCATION_MEMO_SIZE, canonical.epc) : undefined;
}

/**
 * Sets a query field unless it is absent or an empty list. A list is stored as an exact-length copy: the lists here
 * grow by push, which leaves a backing store of about 17 slots (188 bytes for two items, 65 for the copy), and the
 * stored form keeps them (in memory in the embedded store, until written for MongoDB).
 */
function set(q: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return;
  q[name] = Array.isArray(value) ? distinct(value).slice() : value;
}

const str = (event: JsonObject, name: string): string | undefined => {
  const value = event[name];
  return typeof value === 'string' ? value : undefined;
};

/** The CBV values of a list, canonical (persistentDisposition's set and unset). */
function cbvList(value: JsonValue | undefined, namespaces: Record<string, string>): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) if (typeof item === 'string') out.push(canonicalCbv('disposition', item, namespaces));
  return out;
}

/** The quantities of the quantity lists, and their values in base units, gathered across the lists. */
interface Quantities {
  all: number[];
  base: Record<string, number[]> | undefined;
}

/** The classes of a quantity list appended to `out` (created when the list exists); quantities on the side. */
function quantityClasses(
  list: JsonValue | undefined,
  epc: (uri: string) => string,
  quantities: Quantities,
  out?: string[],
): string[] | undefined {
  if (!Array.isArray(list)) return out;
  const classes = out ?? [];
  for (const item of list) {
    const element = asObject(item);
    if (element === null) continue;
    if (typeof element['epcClass'] === 'string') classes.push(epc(element['epcClass']));
    const quantity = element['quantity'];
    if (typeof quantity !== 'number') continue;
    quantities.all.push(quantity);
    if (typeof element['uom'] === 'string') {
      const base = toBase(quantity, element['uom']);
      const unit = encodeKey(base.unit);
      const table = (quantities.base ??= {});
      const bucket = Object.hasOwn(table, unit) ? table[unit] : undefined;
      if (bucket === undefined) setOwn(table, unit, [base.value]);
      else bucket.push(base.value);
    }
  }
  return classes;
}

/** EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>: same-entry composites (EPCIS-DIGEST §b.2). */
function typedList(
  entries: JsonValue | undefined,
  valueKey: string,
  vocabulary: 'bizTransactionType' | 'sourceDestType',
  namespaces: Record<string, string>,
  epc: (uri: string) => string,
): string[] | undefined {
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
}

// Helpers above are module functions, not closures made per event: this runs for every captured event.
export function computeQueryFields(
  event: JsonObject,
  namespaces: Record<string, string>,
  deps: QueryFieldDeps,
): JsonObject {
  const canonical = canonicalFor(deps);
  const epc = canonical.epc;
  const q: Record<string, unknown> = {};

  const type = str(event, 'type');
  set(q, 'type', type === undefined ? undefined : expandCurie(type, namespaces));
  set(q, 'action', str(event, 'action'));
  const bizStep = str(event, 'bizStep');
  const disposition = str(event, 'disposition');
  set(q, 'bizStep', bizStep === undefined ? undefined : canonicalCbv('bizStep', bizStep, namespaces));
  set(q, 'disposition', disposition === undefined ? undefined : canonicalCbv('disposition', disposition, namespaces));
  const persistent = asObject(event['persistentDisposition']);
  if (persistent !== null) {
    set(q, 'pdSet', cbvList(persistent['set'], namespaces));
    set(q, 'pdUnset', cbvList(persistent['unset'], namespaces));
  }

  const readPoint = asObject(event['readPoint']);
  const bizLocation = asObject(event['bizLocation']);
  set(q, 'readPoint', locationId(canonical, readPoint));
  set(q, 'bizLocation', locationId(canonical, bizLocation));
  set(q, 'transformationID', str(event, 'transformationID'));

  // MATCH_epc covers epcList and childEPCs (EPCIS-DIGEST §b.1).
  set(q, 'epc', mapStrings(event['childEPCs'], epc, mapStrings(event['epcList'], epc)));
  const parentID = str(event, 'parentID');
  set(q, 'parentID', parentID === undefined ? undefined : epc(parentID));
  set(q, 'inputEPC', mapStrings(event['inputEPCList'], epc));
  set(q, 'outputEPC', mapStrings(event['outputEPCList'], epc));

  const quantities: Quantities = { all: [], base: undefined };
  const classes = quantityClasses(event['quantityList'], epc, quantities);
  set(q, 'epcClass', quantityClasses(event['childQuantityList'], epc, quantities, classes));
  set(q, 'inputEPCClass', quantityClasses(event['inputQuantityList'], epc, quantities));
  set(q, 'outputEPCClass', quantityClasses(event['outputQuantityList'], epc, quantities));
  set(q, 'qty', quantities.all);
  if (quantities.base !== undefined) q['qtyBase'] = quantities.base;

  set(q, 'bizTx', typedList(event['bizTransactionList'], 'bizTransaction', 'bizTransactionType', namespaces, epc));
  set(q, 'source', typedList(event['sourceList'], 'source', 'sourceDestType', namespaces, epc));
  set(q, 'destination', typedList(event['destinationList'], 'destination', 'sourceDestType', namespaces, epc));

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

/** The dependencies the server runs with: identifiers in their canonical form (src/identifiers). */
const SERVER_DEPS: QueryFieldDeps = { canonicalEpc };

/**
 * The query fields the server stores: what a capture computes, and what a store computes itself (the MongoDB
 * adapter as it writes each batch, the embedded store's journal replay, which keeps no query fields:
 * store/stored-query-fields.ts), so that all are one function.
 */
export const queryFieldsOf = (event: JsonObject, namespaces: Record<string, string>): JsonObject =>
  computeQueryFields(event, namespaces, SERVER_DEPS);
