/**
 * GS1-EPC-Format (EPCIS 2.0 REST binding, components/headers; EPCIS-DIGEST §a): how identifiers appear in
 * responses. `Always_GS1_Digital_Link` (the default when the header is absent) gives canonical GS1 Digital Links,
 * `Always_EPC_URN` gives EPC URNs where the GS1 Company Prefix length is known (from a configured table or from
 * URNs the server has seen), and `Never_Translates` / `No_Preference` return identifiers exactly as captured.
 * An identifier that cannot be rendered in the requested form is left as captured, and the response's
 * GS1-EPC-Format header then says `No_Preference` instead of the requested form.
 */
import { EpcisError } from '../errors/epcis-errors';
import type { CompanyPrefixTable } from '../identifiers';
import { canonicalEpc, toDigitalLink, toEpcUrn } from '../identifiers';
import type { JsonObject, JsonValue } from '../model/types';

export const EPC_FORMATS = ['No_Preference', 'Always_GS1_Digital_Link', 'Always_EPC_URN', 'Never_Translates'] as const;
export type EpcFormat = (typeof EPC_FORMATS)[number];

export function readEpcFormat(header: string | string[] | undefined): EpcFormat {
  if (header === undefined) return 'Always_GS1_Digital_Link';
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  const format = EPC_FORMATS.find((f) => f.toLowerCase() === value?.toLowerCase());
  if (!format)
    throw new EpcisError('NotAcceptableException', `GS1-EPC-Format must be one of ${EPC_FORMATS.join(', ')}.`);
  return format;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Where an event holds identifiers (EPCs, classes, parentID, locations, parties): a field holding one or a list of
 * them (`list`), each the value itself or the value under `key` of an object.
 */
interface IdentifierSlot {
  field: string;
  list: boolean;
  key?: string;
}

export const IDENTIFIER_SLOTS: readonly IdentifierSlot[] = [
  ...['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'].map((field) => ({ field, list: true })),
  ...['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'].map((field) => ({
    field,
    list: true,
    key: 'epcClass',
  })),
  { field: 'parentID', list: false },
  { field: 'readPoint', list: false, key: 'id' },
  { field: 'bizLocation', list: false, key: 'id' },
  { field: 'sourceList', list: true, key: 'source' },
  { field: 'destinationList', list: true, key: 'destination' },
];

/** Replaces every identifier of an event (a copy: lists and objects holding one are copied) by `visit` of it. */
function eachIdentifier(event: JsonObject, visit: (value: string) => string): void {
  const mapped = (value: JsonValue | undefined) => (typeof value === 'string' ? visit(value) : value) as JsonValue;
  for (const { field, list, key } of IDENTIFIER_SLOTS) {
    const held = event[field];
    if (list) {
      if (Array.isArray(held))
        event[field] = held.map((item) =>
          key === undefined ? mapped(item) : isObject(item) ? { ...item, [key]: mapped(item[key]) } : item,
        );
    } else if (key === undefined) {
      if (typeof held === 'string') event[field] = visit(held);
    } else if (isObject(held) && typeof held[key] === 'string') event[field] = { ...held, [key]: visit(held[key]) };
  }
}

/** Calls `visit` with the identifier of one slot item (itself, or its `key` field), if it is a string. */
function visitSlot(item: JsonValue | undefined, key: string | undefined, visit: (value: string) => void): void {
  const value = key === undefined ? item : isObject(item) ? item[key] : undefined;
  if (typeof value === 'string') visit(value);
}

/** Calls `visit` with each string of a list, or each `key` string of its objects (`key` undefined: the items). */
function visitList(held: JsonValue | undefined, key: string | undefined, visit: (value: string) => void): void {
  if (Array.isArray(held)) for (const item of held) visitSlot(item, key, visit);
}

/**
 * Calls `visit` on every identifier of an event, as `eachIdentifier` finds them (IDENTIFIER_SLOTS, in that order),
 * without copying anything. The slots are read by name rather than through the table: this runs for every captured
 * event, and a property read by a constant name is much cheaper than one by a name that changes at each read.
 */
function forEachIdentifier(event: JsonObject, visit: (value: string) => void): void {
  visitList(event['epcList'], undefined, visit);
  visitList(event['childEPCs'], undefined, visit);
  visitList(event['inputEPCList'], undefined, visit);
  visitList(event['outputEPCList'], undefined, visit);
  visitList(event['quantityList'], 'epcClass', visit);
  visitList(event['childQuantityList'], 'epcClass', visit);
  visitList(event['inputQuantityList'], 'epcClass', visit);
  visitList(event['outputQuantityList'], 'epcClass', visit);
  visitSlot(event['parentID'], undefined, visit);
  visitSlot(event['readPoint'], 'id', visit);
  visitSlot(event['bizLocation'], 'id', visit);
  visitList(event['sourceList'], 'source', visit);
  visitList(event['destinationList'], 'destination', visit);
}

const DOT = '.'.charCodeAt(0);
/** How many learned entries of a document `learnCompanyPrefixes` recognises without cutting the identifier. */
const COMPARED_IN_PLACE = 8;

/** Learns GS1 Company Prefix lengths from the EPC URNs of captured events (for later Always_EPC_URN renderings). */
export function learnCompanyPrefixes(events: readonly JsonValue[], table: CompanyPrefixTable): void {
  // URNs that share their scheme and first segment (the company prefix, GS1 TDS §6) teach the same entry: a large
  // document usually has a handful, so each is parsed once rather than every identifier of every event.
  const seen = new Set<string>();
  // The first few of them, compared in place (no cut-out string, no hashing): a document's identifiers mostly share
  // a handful (e.g. its SGTINs' and its locations').
  const first: string[] = [];
  // One visitor for the whole document (this runs for every captured event).
  const learn = (value: string): void => {
    for (const leading of first) if (value.charCodeAt(leading.length) === DOT && value.startsWith(leading)) return;
    if (!value.startsWith('urn:epc:')) return;
    const dot = value.indexOf('.');
    const leading = dot > 0 ? value.slice(0, dot) : value;
    if (seen.has(leading) || !table.learnFromUrn(value)) return;
    seen.add(leading);
    if (dot > 0 && first.length < COMPARED_IN_PLACE) first.push(leading);
  };
  for (const event of events) if (isObject(event)) forEachIdentifier(event, learn);
}

export interface RenderedIdentifiers {
  events: JsonObject[];
  /** The format the response actually follows (the header value to send back). */
  applied: EpcFormat;
}

/** Renders the identifiers of events (already copies) in the requested format, learning prefixes from URNs first. */
export function renderIdentifiers(
  events: JsonObject[],
  format: EpcFormat,
  table: CompanyPrefixTable,
): RenderedIdentifiers {
  if (format === 'Never_Translates' || format === 'No_Preference') return { events, applied: format };
  let untranslated = 0;
  if (format === 'Always_EPC_URN') {
    for (const event of events)
      forEachIdentifier(event, (value) => {
        if (value.startsWith('urn:epc:')) table.learnFromUrn(value);
      });
  }
  const convert =
    format === 'Always_GS1_Digital_Link'
      ? (value: string) => canonicalEpc(value)
      : (value: string) => {
          if (value.startsWith('urn:epc:')) return value;
          const urn = toEpcUrn(value, { companyPrefixLength: (digits) => table.lookup(digits) });
          if (urn === null && toDigitalLink(value) !== null) untranslated++;
          return urn ?? value;
        };
  for (const event of events) eachIdentifier(event, convert);
  return { events, applied: untranslated > 0 ? 'No_Preference' : format };
}
