/**
 * The canonical field order of the CBV 2.0 event hash and the general writer of a hash tree (EPCIS-DIGEST §h rules
 * 1, 5, 6 and 9). The reference implementation (pip `epcis-event-hash-generator`) is the test oracle; its observable
 * behaviour is followed where the digest is silent (fields it does not order are written after the ordered ones,
 * sorted; `eventID`, `recordTime` and `errorDeclaration` are not hashed).
 */
import type { HashNode } from './hash-tree';
import { canonicalTimestamp, canonicalValue } from './hash-values';
import { SENSOR_METADATA_FIELDS, SENSOR_REPORT_FIELDS } from '../model/sensor-fields';

type FieldOrder = readonly (readonly [string, FieldOrder | null])[];

const leaves = (...names: string[]): FieldOrder => names.map((n) => [n, null] as const);
const QUANTITY: FieldOrder = [['quantityElement', leaves('epcClass', 'quantity', 'uom')]];
const EPCS: FieldOrder = leaves('epc');

/** §h rule 1, canonical field order (as the reference orders them). */
const EVENT_ORDER: FieldOrder = [
  ...leaves('eventTime', 'eventTimeZoneOffset', 'certificationInfo', 'parentID'),
  ['epcList', EPCS],
  ['inputEPCList', EPCS],
  ['childEPCs', EPCS],
  ['quantityList', QUANTITY],
  ['childQuantityList', QUANTITY],
  ['inputQuantityList', QUANTITY],
  ['outputEPCList', EPCS],
  ['outputQuantityList', QUANTITY],
  ...leaves('action', 'transformationID', 'bizStep', 'disposition'),
  ['persistentDisposition', leaves('set', 'unset')],
  ['readPoint', leaves('id')],
  ['bizLocation', leaves('id')],
  [
    'sensorElementList',
    [
      [
        'sensorElement',
        [
          ['sensorMetadata', leaves(...SENSOR_METADATA_FIELDS)],
          ['sensorReport', leaves(...SENSOR_REPORT_FIELDS)],
        ],
      ],
    ],
  ],
];

/** Top-level fields that never enter the hash (§h rule 1 note). */
export const NOT_HASHED: ReadonlySet<string> = new Set(['recordTime', 'eventID', 'type', 'errorDeclaration']);
/** The id names of typed entries (§h rule 6); siblings with such a name are written unsorted. */
export const ID_KEYS: ReadonlySet<string> = new Set(['bizTransaction', 'source', 'destination']);

/**
 * Sorts in code-point order, like the reference. UTF-16 order (the native sort) differs only between surrogates
 * and U+E000..U+FFFF, so the native sort is used unless the event has such characters (`setExactOrder(true)`).
 */
let exactOrder = false;
export function setExactOrder(exact: boolean): void {
  exactOrder = exact;
}
/** Sorts sibling parts; a structure has a handful, which an insertion sort orders faster than the native sort. */
export function sortParts(parts: string[]): void {
  if (parts.length > 12) parts.sort(exactOrder ? byCodePoint : byUnit);
  else if (exactOrder) insertionSort(parts, byCodePoint);
  else {
    for (let i = 1; i < parts.length; i++) {
      const x = parts[i] as string;
      let j = i;
      for (; j > 0 && (parts[j - 1] as string) > x; j--) parts[j] = parts[j - 1] as string;
      parts[j] = x;
    }
  }
}
const byUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function insertionSort(parts: string[], compare: (a: string, b: string) => number): void {
  for (let i = 1; i < parts.length; i++) {
    const x = parts[i] as string;
    let j = i;
    while (j > 0 && compare(parts[j - 1] as string, x) > 0) {
      parts[j] = parts[j - 1] as string;
      j--;
    }
    parts[j] = x;
  }
}

function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

const isTimeField = (name: string): boolean => {
  const lower = name.toLowerCase();
  return lower.includes('time') && !lower.includes('offset');
};

/** Extensions (`{ns/}local`) nested in a standard structure go after that structure's fields (§h rule 9). */
const NONE: HashNode[] = [];

function takeExtensions(kids: HashNode[]): HashNode[] {
  if (kids.length <= 1) return NONE;
  let found = false;
  for (const k of kids) {
    if (k.name.includes('eventTime') || k.name.includes('action')) return NONE;
    found ||= k.name.includes('/}');
  }
  if (!found) return NONE;
  const taken: HashNode[] = [];
  let j = 0;
  for (const k of kids) {
    if (k.name.includes('{') && k.name.includes('/}')) taken.push(k);
    else kids[j++] = k;
  }
  while (kids.length > j) kids.pop();
  return taken;
}

/** A field order prepared for lookups: names, position, time-field flag and sub-order of every name. */
export interface CompiledOrder {
  readonly names: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  readonly isTime: readonly boolean[];
  readonly sub: readonly (CompiledOrder | null)[];
  /** Written leaves by text, per field (values repeat across events); none for time fields (unique). */
  readonly parts: readonly (Map<string, string> | null)[];
}

function compile(order: FieldOrder): CompiledOrder {
  return {
    names: order.map(([name]) => name),
    position: new Map(order.map(([name], i) => [name, i])),
    isTime: order.map(([name]) => isTimeField(name)),
    sub: order.map(([, sub]) => (sub ? compile(sub) : null)),
    parts: order.map(([name]) => (isTimeField(name) ? null : new Map())),
  };
}

const PARTS_LIMIT = 1000;

/** `leafPart` of the field at `position` of `order`, from its bounded cache when it has one. */
export function orderedLeafPart(order: CompiledOrder, position: number, text: string): string {
  const parts = order.parts[position];
  const name = order.names[position] as string;
  if (!parts) return leafPart(name, text, order.isTime[position] === true);
  let part = parts.get(text);
  if (part === undefined) {
    part = leafPart(name, text, false);
    if (parts.size >= PARTS_LIMIT) parts.clear();
    parts.set(text, part);
  }
  return part;
}

export const COMPILED_EVENT_ORDER = compile(EVENT_ORDER);

/** `=value` of a node of a standard structure (empty when it has no text). */
export function nodeText(node: HashNode, isTime: boolean): string {
  const text = node.text.trim();
  if (!text) return '';
  return `=${isTime ? canonicalTimestamp(text) : canonicalValue(text)}`;
}

/** Whether `trim` would return the text unchanged: it starts and ends with printable ASCII (never white space). */
const isTrimmed = (text: string): boolean => {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
};

/** `name=value` of a standard leaf with that text (what `ordered` writes for it), empty without text. */
export function leafPart(name: string, text: string, isTime: boolean): string {
  const value = leafValue(text, isTime);
  return value === undefined ? '' : `${name}=${value}`;
}

/** The canonical value of a standard leaf with that text; undefined without text. */
export function leafValue(text: string, isTime: boolean): string | undefined {
  const trimmed = isTrimmed(text) ? text : text.trim();
  if (!trimmed) return undefined;
  return isTime ? canonicalTimestamp(trimmed) : canonicalValue(trimmed);
}

/** Writes the fields named in `order`, removing fully written nodes from `kids` (what is left goes to `rest`). */
export function ordered(kids: HashNode[], order: CompiledOrder): string {
  const extensions = takeExtensions(kids);
  // Matched nodes by field position (insertion sort: a handful of nodes, stable).
  const matched: HashNode[] = [];
  const positions: number[] = [];
  for (const kid of kids) {
    const p = order.position.get(kid.name);
    if (p === undefined) continue;
    let i = matched.length;
    while (i > 0 && (positions[i - 1] as number) > p) {
      matched[i] = matched[i - 1] as HashNode;
      positions[i] = positions[i - 1] as number;
      i--;
    }
    matched[i] = kid;
    positions[i] = p;
  }
  let out = '';
  let parts: string[] = [];
  let written = false;
  for (let i = 0; i < matched.length; i++) {
    const kid = matched[i] as HashNode;
    const position = positions[i] as number;
    const sub = order.sub[position];
    const grand = sub ? ordered(kid.kids, sub) : '';
    const text = nodeText(kid, order.isTime[position] === true);
    if (text || grand) parts.push(kid.name + text + grand);
    written ||= kid.kids.length === 0;
    if (positions[i + 1] !== position) {
      if (parts.length > 1) sortParts(parts);
      out += parts.length === 1 ? parts[0] : parts.join('');
      parts = [];
    }
  }
  if (written) removeWritten(kids, order);
  return extensions.length > 0 ? out + rest(extensions) : out;
}

/** Drops the nodes of `order` whose children were all written (a node with leftovers stays for `rest`). */
function removeWritten(kids: HashNode[], order: CompiledOrder): void {
  let j = 0;
  for (const kid of kids) {
    if (!(kid.kids.length === 0 && order.position.has(kid.name))) kids[j++] = kid;
  }
  while (kids.length > j) kids.pop();
}

/** One node outside the canonical order: `name[=value]` then its children (a typed entry: its pair only). */
export function restPart(node: HashNode): string {
  if (node.pair) return rest(node.kids);
  const text = node.text.trim();
  return node.name + (text ? `=${canonicalValue(text)}` : '') + rest(node.kids);
}

/** Nodes outside the canonical order, siblings sorted (typed entries keep type before id). */
export function rest(nodes: readonly HashNode[]): string {
  if (nodes.length === 0) return '';
  const parts = nodes.map(restPart);
  if (parts.length > 1 && !nodes.some((n) => ID_KEYS.has(n.name))) sortParts(parts);
  return parts.join('');
}
