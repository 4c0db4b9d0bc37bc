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

const EPC_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const isObject = (value: JsonValue | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Calls `visit` on every identifier field of an event (EPCs, classes, parentID, locations, parties). */
function eachIdentifier(event: JsonObject, visit: (value: string) => string): void {
  const map = (value: JsonValue | undefined) => (typeof value === 'string' ? visit(value) : value);
  for (const list of EPC_LISTS) {
    const items = event[list];
    if (Array.isArray(items)) event[list] = items.map((item) => map(item) as JsonValue);
  }
  for (const list of QUANTITY_LISTS) {
    const items = event[list];
    if (Array.isArray(items))
      event[list] = items.map((item) =>
        isObject(item) ? { ...item, epcClass: map(item['epcClass']) as JsonValue } : item,
      );
  }
  if (typeof event['parentID'] === 'string') event['parentID'] = visit(event['parentID']);
  for (const field of ['readPoint', 'bizLocation']) {
    const value = event[field];
    if (isObject(value) && typeof value['id'] === 'string') event[field] = { ...value, id: visit(value['id']) };
  }
  for (const [list, key] of [
    ['sourceList', 'source'],
    ['destinationList', 'destination'],
  ]) {
    const items = event[list!];
    if (Array.isArray(items))
      event[list!] = items.map((item) => (isObject(item) ? { ...item, [key!]: map(item[key!]) as JsonValue } : item));
  }
}

/** Calls `visit` on every identifier of an event, as `eachIdentifier` finds them, without copying anything. */
function forEachIdentifier(event: JsonObject, visit: (value: string) => void): void {
  const at = (value: JsonValue | undefined) => {
    if (typeof value === 'string') visit(value);
  };
  const inList = (list: string, read: (item: JsonValue) => JsonValue | undefined) => {
    const items = event[list];
    if (Array.isArray(items)) for (const item of items) at(read(item));
  };
  for (const list of EPC_LISTS) inList(list, (item) => item);
  for (const list of QUANTITY_LISTS) inList(list, (item) => (isObject(item) ? item['epcClass'] : undefined));
  at(event['parentID']);
  for (const field of ['readPoint', 'bizLocation']) {
    const value = event[field];
    if (isObject(value)) at(value['id']);
  }
  inList('sourceList', (item) => (isObject(item) ? item['source'] : undefined));
  inList('destinationList', (item) => (isObject(item) ? item['destination'] : undefined));
}

/** Learns GS1 Company Prefix lengths from the EPC URNs of captured events (for later Always_EPC_URN renderings). */
export function learnCompanyPrefixes(events: readonly JsonValue[], table: CompanyPrefixTable): void {
  // URNs that share their scheme and first segment (the company prefix, GS1 TDS §6) teach the same entry: a large
  // document usually has a handful, so each is parsed once rather than every identifier of every event.
  const seen = new Set<string>();
  for (const event of events) {
    if (!isObject(event)) continue;
    forEachIdentifier(event, (value) => {
      if (!value.startsWith('urn:epc:')) return;
      const dot = value.indexOf('.');
      const leading = dot > 0 ? value.slice(0, dot) : value;
      if (!seen.has(leading) && table.learnFromUrn(value)) seen.add(leading);
    });
  }
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
      eachIdentifier(event, (value) => {
        if (value.startsWith('urn:epc:')) table.learnFromUrn(value);
        return value;
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
