/**
 * EPCIS XML document -> EPCIS 2.0 JSON document (EPCIS-DIGEST §f rule 1, 2, 11, 12).
 * EPCISDocument -> `EPCISDocument`; EPCISQueryDocument -> `EPCISQueryDocument` (queryResults);
 * EPCISMasterDataDocument -> an `EPCISDocument` carrying the vocabularies in epcisHeader.epcisMasterData and an
 * empty eventList (the JSON binding has no master-data document type).
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { EPCIS_CONTEXT_URL, type EpcisXmlKind, type EpcisXmlVersion } from './epcis-namespaces';
import { eventFromXml } from './event-from-xml';
import { addExtension, extensionKey } from './extension-from-xml';
import { addRepeated, newObject, setKey } from './json-safe';
import { vocabularyListFromXml } from './master-data-from-xml';
import type { NamespaceRegistry } from './namespace-registry';
import { sbdhFromXml, SBDH_NS, type SbdhResult } from './sbdh-from-xml';
import { attr, dataAttrs, textOf, type XmlElement } from './xml-node';

const EVENT_TYPES = new Set([
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
  'QuantityEvent',
]);

const child = (el: XmlElement | undefined, local: string, ns = ''): XmlElement | undefined =>
  el?.children.find((c) => c.ns === ns && c.local === local);

/** EventList children: standard events, `extension` wrappers (1.2 TransformationEvent, custom event types). */
export function eventListFromXml(list: XmlElement, reg: NamespaceRegistry): JsonValue[] {
  const events: JsonValue[] = [];
  const visit = (container: XmlElement, depth: number): void => {
    for (const c of container.children) {
      if (c.ns === '' && c.local === 'extension' && depth < 2) visit(c, depth + 1);
      else events.push(mapEventElement(c, reg));
    }
  };
  visit(list, 0);
  return events;
}

/** One EventList entry (an event, or a custom event type from an `extension` wrapper) -> JSON. */
export function mapEventElement(el: XmlElement, reg: NamespaceRegistry): JsonObject {
  if (el.ns !== '') return eventFromXml(el, extensionKey(el, reg), reg);
  if (EVENT_TYPES.has(el.local)) return eventFromXml(el, el.local, reg);
  throw validationError(`Unexpected element <${el.local}> in EventList`);
}

/** The EventList of a document body or query resultsBody, wherever it is. */
const findEventList = (root: XmlElement, kind: EpcisXmlKind): XmlElement | undefined => {
  const body = child(root, 'EPCISBody');
  if (kind !== 'EPCISQueryDocument') return child(body, 'EventList');
  const qr = body?.children.find((c) => c.local === 'QueryResults');
  return child(child(qr, 'resultsBody'), 'EventList');
};

export interface DocumentParts {
  document: JsonObject;
  sbdh?: JsonObject;
}

/**
 * `streamed`: the events already mapped while parsing (saxes streaming path), in document order; otherwise
 * the EventList is mapped here. Events are mapped before anything else in both cases, so that prefixes are
 * invented in the same order whichever path ran.
 */
export function documentFromXml(
  root: XmlElement,
  kind: EpcisXmlKind,
  version: EpcisXmlVersion,
  reg: NamespaceRegistry,
  streamed?: JsonValue[],
): DocumentParts {
  const eventListElement = findEventList(root, kind);
  const events: JsonValue[] = [
    ...(streamed ?? []),
    ...(eventListElement ? eventListFromXml(eventListElement, reg) : []),
  ];
  const doc = newObject();
  const seen = new Set<string>();
  setKey(doc, 'type', kind === 'EPCISQueryDocument' ? 'EPCISQueryDocument' : 'EPCISDocument');
  // §f rule 12: a 1.2 document becomes a 2.0 document.
  const schemaVersion = attr(root, 'schemaVersion');
  setKey(doc, 'schemaVersion', version === '1.2' ? '2.0' : (schemaVersion ?? '2.0').trim());
  const creationDate = attr(root, 'creationDate');
  if (creationDate !== undefined) setKey(doc, 'creationDate', creationDate.trim());
  for (const a of dataAttrs(root)) {
    if (a.ns !== '') addRepeated(doc, extensionKey(a, reg), a.value, seen);
  }

  let sbdh: SbdhResult | undefined;
  let vocabularyList: JsonValue[] | undefined;
  const header = child(root, 'EPCISHeader');
  if (header) {
    const sb = child(header, 'StandardBusinessDocumentHeader', SBDH_NS);
    if (sb) sbdh = sbdhFromXml(sb);
    const md = child(child(child(header, 'extension'), 'EPCISMasterData'), 'VocabularyList');
    if (md) vocabularyList = vocabularyListFromXml(md, reg);
  }
  if (sbdh?.sender !== undefined) setKey(doc, 'sender', sbdh.sender);
  if (sbdh?.receiver !== undefined) setKey(doc, 'receiver', sbdh.receiver);
  if (sbdh?.instanceIdentifier !== undefined) setKey(doc, 'instanceIdentifier', sbdh.instanceIdentifier);

  const body = child(root, 'EPCISBody');
  if (!body) throw validationError(`<${root.local}> has no EPCISBody`);
  const epcisBody = newObject();
  if (kind === 'EPCISQueryDocument') {
    setKey(epcisBody, 'queryResults', queryResultsFromXml(body, reg, events));
  } else if (kind === 'EPCISMasterDataDocument') {
    const list = child(body, 'VocabularyList');
    vocabularyList = [...(vocabularyList ?? []), ...(list ? vocabularyListFromXml(list, reg) : [])];
    setKey(epcisBody, 'eventList', []);
  } else {
    setKey(epcisBody, 'eventList', events);
  }
  if (vocabularyList) {
    const masterData = newObject();
    setKey(masterData, 'vocabularyList', vocabularyList);
    const epcisHeader = newObject();
    setKey(epcisHeader, 'epcisMasterData', masterData);
    setKey(doc, 'epcisHeader', epcisHeader);
  }
  setKey(doc, 'epcisBody', epcisBody);
  // Document-level ##other elements after EPCISBody become document extension keys (EPCIS-DIGEST §e "Extensions").
  for (const c of root.children) if (c.ns !== '') addExtension(doc, c, reg, seen);

  const context: JsonValue[] = [EPCIS_CONTEXT_URL];
  const prefixes = reg.contextPrefixes();
  if (Object.keys(prefixes).length > 0) context.push(prefixes as JsonObject);
  setKey(doc, '@context', context);
  return sbdh ? { document: doc, sbdh: sbdh.sbdh } : { document: doc };
}

function queryResultsFromXml(body: XmlElement, reg: NamespaceRegistry, events: JsonValue[]): JsonObject {
  const qr = body.children.find((c) => c.local === 'QueryResults');
  if (!qr) throw validationError('EPCISQueryDocument body holds no QueryResults');
  const out = newObject();
  const queryName = child(qr, 'queryName');
  if (queryName) setKey(out, 'queryName', textOf(queryName));
  const subscriptionID = child(qr, 'subscriptionID');
  if (subscriptionID) setKey(out, 'subscriptionID', textOf(subscriptionID));
  const resultsBody = newObject();
  const rb = child(qr, 'resultsBody');
  const eventList = child(rb, 'EventList');
  const vocabularyList = child(rb, 'VocabularyList');
  if (eventList) setKey(resultsBody, 'eventList', events);
  if (vocabularyList) setKey(resultsBody, 'vocabularyList', vocabularyListFromXml(vocabularyList, reg));
  if (!eventList && !vocabularyList) setKey(resultsBody, 'eventList', []);
  setKey(out, 'resultsBody', resultsBody);
  return out;
}
