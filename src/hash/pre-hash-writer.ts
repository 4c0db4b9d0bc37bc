/**
 * The CBV 2.0 pre-hash string written straight from the JSON event (EPCIS-DIGEST §h), for speed: the standard
 * fields in their usual shapes (string leaves, lists of EPC strings, quantity elements, `{ id }` locations, sensor
 * elements (sensor-writer.ts), typed bizTransaction/source/destination entries) and plain extensions
 * (extension-writer.ts) are written without building their hash tree. Each shortcut writes
 * exactly what the tree writer (hash-order.ts `ordered` and `rest`) writes for that shape; a field of any other
 * shape goes through the tree, and an event this writer does not cover returns undefined (the caller then writes
 * the whole tree). Property-tested against the tree writer (test/unit/hash/pre-hash-writer.property.test.ts).
 */
import type { JsonObject, JsonValue } from '../model/types';
import type { CbvValueVocabulary } from '../cbv/cbv-values';
import {
  COMPILED_EVENT_ORDER,
  ID_KEYS,
  NOT_HASHED,
  leafValue,
  orderedLeafPart,
  nodeText,
  ordered,
  restPart,
  sortParts,
} from './hash-order';
import type { CompiledOrder } from './hash-order';
import {
  EVENT_FIELDS,
  IGNORED_KEYS,
  TYPED_LISTS,
  isIgnoredKey,
  scalarText,
  type FieldMap,
  type HashTreeBuilder,
} from './hash-tree';
import { addPlainParts, namedText } from './extension-writer';
import { writeSensorElements } from './sensor-writer';

/** The shape a top-level field of the canonical order is written in without a tree. */
type Shape = 'leaf' | 'epcs' | 'quantities' | 'id' | 'sensors' | 'tree';

interface TopField {
  readonly name: string;
  readonly position: number;
  readonly shape: Shape;
  readonly isTime: boolean;
  readonly vocabulary: CbvValueVocabulary | undefined;
  readonly sub: CompiledOrder | null;
}

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);
const only = (order: CompiledOrder, name: string): boolean => order.names.length === 1 && order.names[0] === name;

function shapeOf(name: string, sub: CompiledOrder | null): Shape {
  if (!sub) return 'leaf';
  if (only(sub, 'epc')) return 'epcs';
  if (only(sub, 'id')) return 'id';
  if (only(sub, 'quantityElement')) return 'quantities';
  return name === 'sensorElementList' ? 'sensors' : 'tree';
}

const TOP_FIELDS: ReadonlyMap<string, TopField> = new Map(
  COMPILED_EVENT_ORDER.names.map((name, position): [string, TopField] => {
    const sub = COMPILED_EVENT_ORDER.sub[position] ?? null;
    const field = EVENT_FIELDS[name];
    const isTime = COMPILED_EVENT_ORDER.isTime[position] === true;
    const vocabulary = typeof field === 'string' ? field : undefined;
    return [name, { name, position, shape: shapeOf(name, sub), isTime, vocabulary, sub }];
  }),
);
/**
 * What a top-level key is: a field of the canonical order, not written (`skip`), a typed-entry id whose siblings are
 * written unsorted, a typed list, another field with CBV words (`tree`); any other key is `plain` (or ignored).
 */
type KeyKind = TopField | 'skip' | 'unsorted' | 'typed' | 'tree' | 'plain';
const KEY_KINDS = new Map<string, KeyKind>();
for (const key of Object.keys(EVENT_FIELDS)) KEY_KINDS.set(key, TYPED_LISTS.has(key) ? 'typed' : 'tree');
for (const key of ID_KEYS) KEY_KINDS.set(key, 'unsorted');
for (const key of NOT_HASHED) KEY_KINDS.set(key, 'skip');
for (const [key, field] of TOP_FIELDS) KEY_KINDS.set(key, field);
for (const key of IGNORED_KEYS) KEY_KINDS.set(key, 'skip');

/** The written standard fields by canonical position (one array, reused by every call). */
const slots = new Array<string>(COMPILED_EVENT_ORDER.names.length).fill('');

/** Same-position parts, sorted and joined, under their parent's name (nothing when there is no part). */
function group(name: string, parts: string[]): string {
  if (parts.length === 0) return '';
  if (parts.length > 1) sortParts(parts);
  return name + parts.join('');
}

/** The pre-hash string of an event, or undefined when the tree writer must write it. */
export function writePreHash(event: JsonObject, builder: HashTreeBuilder): string | undefined {
  // A top-level `eventTime` keeps top-level extensions among the other unordered fields (hash-order.ts).
  if (typeof event['eventTime'] !== 'string' || !hasOwn(event, 'eventTime')) return undefined;
  slots.fill(''); // reused: reset first (a field may have thrown during the previous event)
  const restParts: string[] = [];
  let restKeys: string[] | undefined;
  for (const key of Object.keys(event)) {
    const kind = KEY_KINDS.get(key) ?? (isIgnoredKey(key) ? 'skip' : 'plain');
    if (kind === 'skip') continue;
    if (kind === 'unsorted') return undefined; // siblings written unsorted: left to the tree writer
    const value = event[key] as JsonValue;
    if (typeof kind === 'object') {
      slots[kind.position] = writeTop(kind, value, builder) ?? treeField(kind, event, key, builder, restParts);
    } else if (kind === 'plain') {
      const mark = restParts.length;
      if (!addPlainParts(key, value, builder, restParts)) {
        restParts.length = mark;
        (restKeys ??= []).push(key);
      }
    } else {
      const part = kind === 'typed' ? typedList(key, value, builder) : undefined;
      if (part !== undefined) restParts.push(part);
      else (restKeys ??= []).push(key);
    }
  }
  if (restKeys) for (const node of builder.eventKeyNodes(event, restKeys)) restParts.push(restPart(node));
  if (restParts.length > 1) sortParts(restParts);
  const type = typeof event['type'] === 'string' ? event['type'] : '';
  let out = `eventType=${type}`;
  for (const slot of slots) out += slot;
  return restParts.length === 1 ? out + restParts[0] : out + restParts.join('');
}

/** A standard top-level field of a usual shape; undefined for any other shape. */
function writeTop(top: TopField, value: JsonValue, builder: HashTreeBuilder): string | undefined {
  switch (top.shape) {
    case 'leaf':
      return typeof value === 'string'
        ? orderedLeafPart(COMPILED_EVENT_ORDER, top.position, builder.stringText(value, top.vocabulary))
        : undefined;
    case 'epcs':
      return Array.isArray(value) ? epcList(top, value, builder) : undefined;
    case 'quantities':
      return Array.isArray(value) ? quantityList(top, value, builder) : undefined;
    case 'id':
      return idStructure(top, value, builder);
    case 'sensors':
      return Array.isArray(value) ? writeSensorElements(top.name, value, builder) : undefined;
    default:
      return undefined;
  }
}

/** A standard field of another shape, through its tree; what it leaves unwritten goes to `restParts`. */
function treeField(top: TopField, event: JsonObject, key: string, builder: HashTreeBuilder, rest: string[]): string {
  const parts: string[] = [];
  for (const node of builder.eventKeyNodes(event, [key])) {
    const grand = top.sub ? ordered(node.kids, top.sub) : '';
    const text = nodeText(node, top.isTime);
    if (text || grand) parts.push(node.name + text + grand);
    if (node.kids.length > 0) rest.push(restPart(node));
  }
  if (parts.length > 1) sortParts(parts);
  return parts.join('');
}

/** `epcList` and the other EPC lists, of strings: `name` then `epc=…` sorted (§h rules 1 and 5). */
function epcList(top: TopField, values: readonly JsonValue[], builder: HashTreeBuilder): string | undefined {
  const sub = top.sub as CompiledOrder;
  const isTime = sub.isTime[0] === true;
  const epcs: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') return undefined;
    const epc = leafValue(builder.stringText(v, top.vocabulary), isTime);
    if (epc !== undefined) epcs.push(epc);
  }
  if (epcs.length === 0) return '';
  // The parts `epc=<value>` share their start: sorting the values sorts the parts.
  if (epcs.length > 1) sortParts(epcs);
  const prefix = `${sub.names[0] as string}=`;
  let out = top.name;
  for (const epc of epcs) out += prefix + epc;
  return out;
}

/** Quantity lists whose elements have only `epcClass`, `quantity` and `uom`, strings or numbers. */
function quantityList(top: TopField, values: readonly JsonValue[], builder: HashTreeBuilder): string | undefined {
  const element = top.sub as CompiledOrder;
  const fields = element.sub[0] as CompiledOrder;
  const parts: string[] = [];
  for (const v of values) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const texts = new Array<string>(fields.names.length).fill('');
    let count = 0;
    for (const key of Object.keys(v)) {
      const p = fields.position.get(key);
      const x = v[key];
      if (p === undefined) return undefined;
      if (typeof x === 'string') texts[p] = builder.stringText(x, undefined);
      else if (typeof x === 'number') texts[p] = scalarText(x);
      else return undefined;
      count++;
    }
    if (count === 0) return undefined;
    let grand = '';
    for (let p = 0; p < texts.length; p++) grand += orderedLeafPart(fields, p, texts[p] as string);
    if (grand) parts.push((element.names[0] as string) + grand);
  }
  return group(top.name, parts);
}

/** `readPoint` and `bizLocation` as `{ id: string }`. */
function idStructure(top: TopField, value: JsonValue, builder: HashTreeBuilder): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const sub = top.sub as CompiledOrder;
  const idName = sub.names[0] as string;
  let id: string | undefined;
  for (const key of Object.keys(value)) {
    const x = value[key];
    if (key !== idName || typeof x !== 'string') return undefined;
    id = x;
  }
  if (id === undefined) return undefined;
  const part = orderedLeafPart(sub, 0, builder.stringText(id, undefined));
  return part ? top.name + part : '';
}

/**
 * `bizTransactionList`, `sourceList`, `destinationList` (outside the canonical order): each entry is its first
 * `type` then its first id field, unsorted (§h rule 6); other keys of an entry are not hashed; entries sorted.
 */
function typedList(key: string, values: JsonValue, builder: HashTreeBuilder): string | undefined {
  if (!Array.isArray(values)) return undefined;
  const vocabulary = (EVENT_FIELDS[key] as FieldMap)['type'] as CbvValueVocabulary;
  const parts: string[] = [];
  for (const entry of values) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
    let type: string | undefined;
    let idName: string | undefined;
    let id: string | undefined;
    for (const k of Object.keys(entry)) {
      const x = entry[k];
      if (k === 'type' && type === undefined) {
        if (typeof x !== 'string') return undefined;
        type = x;
      } else if (ID_KEYS.has(k) && idName === undefined) {
        if (typeof x !== 'string') return undefined;
        idName = k;
        id = x;
      }
    }
    let pair = '';
    if (type !== undefined) pair += namedText('type', builder.stringText(type, vocabulary));
    if (idName !== undefined) pair += namedText(idName, builder.stringText(id as string, undefined));
    parts.push(pair);
  }
  if (parts.length > 1) sortParts(parts);
  return key + parts.join('');
}
