/**
 * CBV 2.0 "EPCIS Event Hash ID" (EPCIS-DIGEST §h): `ni:///sha-256;<hex>?ver=CBV2.0` over a pre-hash string of the
 * event's fields in canonical order (hash-order.ts). The reference implementation (pip `epcis-event-hash-generator`)
 * is the test oracle. The string is written straight from the JSON event where its shape allows
 * (pre-hash-writer.ts), else from the event's hash tree (hash-tree.ts); both give the same text.
 */
import { hash } from 'node:crypto';
import type { JsonObject } from '../model/types';
import { HashTreeBuilder } from './hash-tree';
import { COMPILED_EVENT_ORDER, NOT_HASHED, ordered, rest, setExactOrder } from './hash-order';
import { writePreHash } from './pre-hash-writer';

/** Characters whose UTF-16 order differs from their code-point order (see `setExactOrder`). */
const HIGH_UNITS = /[\ud800-\uffff]/;

type Namespaces = Readonly<Record<string, string>>;
type Writer = (event: JsonObject, builder: HashTreeBuilder) => string;

/**
 * The pre-hash string of an EPCIS 2.0 JSON event (bare CBV words or URNs, EPC URNs or Digital Links). `namespaces`
 * maps the CURIE prefixes of extension keys and values to their namespace IRIs (the document's `@context`).
 */
export function preHashString(event: JsonObject, namespaces: Namespaces = {}): string {
  return inCodePointOrder(event, namespaces, (e, builder) => writePreHash(e, builder) ?? treePreHash(e, builder));
}

/** The pre-hash string written from the whole hash tree (the general writer; same text as `preHashString`). */
export function treePreHashString(event: JsonObject, namespaces: Namespaces = {}): string {
  return inCodePointOrder(event, namespaces, treePreHash);
}

/** Writes with the native sort, and again with the code-point sort if the text has characters where they differ. */
function inCodePointOrder(event: JsonObject, namespaces: Namespaces, write: Writer): string {
  const fast = write(event, new HashTreeBuilder(namespaces));
  if (!HIGH_UNITS.test(fast)) return fast;
  setExactOrder(true);
  try {
    return write(event, new HashTreeBuilder(namespaces));
  } finally {
    setExactOrder(false);
  }
}

function treePreHash(event: JsonObject, builder: HashTreeBuilder): string {
  const kids = builder.eventNodes(event);
  const type = typeof event['type'] === 'string' ? event['type'] : '';
  const head = ordered(kids, COMPILED_EVENT_ORDER);
  return `eventType=${type}${head}${rest(kids.filter((k) => !NOT_HASHED.has(k.name)))}`;
}

/** The CBV 2.0 event hash ID of an event: `ni:///sha-256;<lowercase hex>?ver=CBV2.0`. */
export function eventHash(event: JsonObject, namespaces: Namespaces = {}): string {
  return `ni:///sha-256;${hash('sha256', preHashString(event, namespaces), 'hex')}?ver=CBV2.0`;
}
