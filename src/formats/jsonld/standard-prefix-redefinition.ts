/**
 * Client contexts that rebind a standard EPCIS namespace prefix (cbvmda, gs1, cbv, epcis, rdfs, owl, xsd, dcterms)
 * to another IRI. The EPCIS context is @protected, so JSON-LD processing rejects them (EPCIS-DIGEST §e
 * "Extensions": "Reject, or strip, client contexts that redeclare them"), yet one of GS1's own examples
 * (WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld binds cbvmda to
 * http://example.com/cbvmda/) does so while using `cbvmda:lotNumber` for the standard lot number.
 * The server strips such a rebinding of a namespace PREFIX, keeps the standard meaning, and says so in its log;
 * redefining an EPCIS TERM (bizStep, type, ...) is still rejected.
 */
import type { JsonValue } from '../../model/types';
import { EPCIS_FIXED_PREFIXES, W3C_PREFIXES } from './context-prefixes';

const STANDARD_NAMESPACE_PREFIXES = new Set([
  ...Object.keys(EPCIS_FIXED_PREFIXES),
  ...Object.keys(W3C_PREFIXES),
  'gs1',
]);

export interface StrippedContext {
  context: unknown;
  /** The rebindings removed, as `prefix -> IRI` the client gave. */
  stripped: Record<string, string>;
}

const isPlainObject = (value: unknown): value is Record<string, JsonValue> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function stripStandardPrefixRedefinitions(context: unknown): StrippedContext {
  if (!Array.isArray(context)) return { context, stripped: {} };
  const stripped: Record<string, string> = {};
  const cleaned = context.flatMap((entry: unknown) => {
    if (!isPlainObject(entry)) return [entry];
    const kept: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (STANDARD_NAMESPACE_PREFIXES.has(key) && typeof value === 'string') stripped[key] = value;
      else Object.defineProperty(kept, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return Object.keys(kept).length > 0 ? [kept] : [];
  });
  return Object.keys(stripped).length > 0 ? { context: cleaned, stripped } : { context, stripped };
}
