/**
 * Query responses in JSON-LD (EPCIS 2.0 REST binding, 200 EPCISQueryDocument; EPCIS-DIGEST §e "EPCISQueryDocument"):
 * each event exactly as captured, plus the recordTime the server gave it, under an `@context` that declares the
 * extension prefixes the events use.
 */
import { decodeKeys } from '../../model/key-codec';
import type { JsonObject, JsonValue } from '../../model/types';
import type { StoredContent } from '../../store/stored-event';

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** Prefixes the EPCIS context itself defines (protected: a response must not redeclare them). */
const STANDARD_PREFIXES = new Set(['epcis', 'cbv', 'cbvmda', 'gs1', 'rdf', 'rdfs', 'owl', 'xsd', 'dcterms']);

function renamePrefix(value: JsonValue, from: string, to: string): JsonValue {
  if (Array.isArray(value)) return value.map((item) => renamePrefix(item, from, to));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const renamed = key.startsWith(`${from}:`) ? `${to}:${key.slice(from.length + 1)}` : key;
    Object.defineProperty(out, renamed, {
      value: renamePrefix(child, from, to),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The event as returned: captured content, decoded keys, and recordTime after eventTime. */
export function renderEvent(stored: StoredContent): JsonObject {
  const event = decodeKeys(stored.event);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(event)) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    if (key === 'eventTime' && stored.recordTime) out['recordTime'] = stored.recordTime.toISOString();
  }
  if (out['recordTime'] === undefined && stored.recordTime) out['recordTime'] = stored.recordTime.toISOString();
  return out;
}

/** Renders events under one prefix map; a prefix bound to two namespaces is renamed in the later events. */
export function renderEvents(stored: StoredContent[]): { events: JsonObject[]; prefixes: Record<string, string> } {
  const prefixes: Record<string, string> = {};
  const events = stored.map((item) => {
    let event: JsonValue = renderEvent(item);
    for (const [prefix, iri] of Object.entries(item.namespaces)) {
      if (STANDARD_PREFIXES.has(prefix)) continue;
      if (prefixes[prefix] === undefined || prefixes[prefix] === iri) {
        prefixes[prefix] = iri;
        continue;
      }
      const existing = Object.entries(prefixes).find(([, value]) => value === iri)?.[0];
      let alias = existing;
      for (let n = 2; alias === undefined; n++) if (prefixes[`${prefix}${n}`] === undefined) alias = `${prefix}${n}`;
      prefixes[alias] = iri;
      event = renamePrefix(event, prefix, alias);
    }
    return event as JsonObject;
  });
  return { events, prefixes };
}

export const responseContext = (prefixes: Record<string, string>): JsonValue =>
  Object.keys(prefixes).length === 0 ? [EPCIS_CONTEXT_URL] : [EPCIS_CONTEXT_URL, { ...prefixes }];

export interface QueryDocumentOptions {
  queryName: string;
  subscriptionID?: string;
  /** Rewrites the rendered events before they are placed in the document (e.g. GS1-EPC-Format). */
  transform?: (events: JsonObject[]) => JsonObject[];
}

export function queryDocument(stored: StoredContent[], options: QueryDocumentOptions): JsonObject {
  const rendered = renderEvents(stored);
  const events = options.transform ? options.transform(rendered.events) : rendered.events;
  const queryResults: JsonObject = { queryName: options.queryName };
  if (options.subscriptionID) queryResults['subscriptionID'] = options.subscriptionID;
  queryResults['resultsBody'] = { eventList: events };
  return {
    '@context': responseContext(rendered.prefixes),
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { queryResults },
  };
}
