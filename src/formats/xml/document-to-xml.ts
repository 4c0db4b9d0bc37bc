/**
 * EPCIS 2.0 JSON document -> XML (EPCIS-DIGEST §e "XML documents", §f rules 1 and 10):
 * - `EPCISDocument` -> `epcis:EPCISDocument` (EPCISHeader with SBDH and master data, EPCISBody/EventList);
 * - `EPCISQueryDocument` -> `epcisq:EPCISQueryDocument` whose body is a namespace-qualified
 *   `epcisq:QueryResults` with queryName before subscriptionID, then resultsBody.
 * `schemaVersion` and `creationDate` are required XML attributes: missing ones are filled ("2.0", now).
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import type { CbvXmlFormat } from './cbv-xml-forms';
import { EPCIS_NS, EPCISQ_NS } from './epcis-namespaces';
import { writeEvent } from './event-to-xml';
import { scalarText, writeExtension } from './extension-to-xml';
import { writeVocabularyList } from './master-data-to-xml';
import { NamespaceWriter } from './namespace-writer';
import { SBDH_NS } from './sbdh-from-xml';
import { XML_DECLARATION, XmlWriter, type Attrs } from './xml-writer';
import { XSI_NS } from './xml-node';

export interface SerializeXmlOptions {
  cbvFormat: CbvXmlFormat;
}

const obj = (v: JsonValue | undefined): JsonObject =>
  v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : {};
const DOC_FIELDS = new Set([
  '@context',
  'type',
  'id',
  'schemaVersion',
  'creationDate',
  'sender',
  'receiver',
  'instanceIdentifier',
  'epcisHeader',
  'epcisBody',
]);

function writeEvents(w: XmlWriter, ns: NamespaceWriter, events: JsonValue | undefined, f: CbvXmlFormat): void {
  if (!Array.isArray(events)) throw validationError('eventList must be an array');
  w.open('EventList');
  for (const e of events) writeEvent(w, ns, obj(e), f);
  w.close('EventList');
}

/** A minimal SBDH from the JSON pseudo-SBDH fields (both sender and receiver are required by the SBDH XSD). */
function writeSbdh(w: XmlWriter, doc: JsonObject, creationDate: string): void {
  w.open('sbdh:StandardBusinessDocumentHeader').leaf('sbdh:HeaderVersion', '1.0');
  w.open('sbdh:Sender')
    .leaf('sbdh:Identifier', scalarText(doc.sender ?? ''))
    .close('sbdh:Sender');
  w.open('sbdh:Receiver')
    .leaf('sbdh:Identifier', scalarText(doc.receiver ?? ''))
    .close('sbdh:Receiver');
  w.open('sbdh:DocumentIdentification')
    .leaf('sbdh:Standard', 'EPCglobal')
    .leaf('sbdh:TypeVersion', '2.0')
    .leaf('sbdh:InstanceIdentifier', scalarText(doc.instanceIdentifier ?? ''))
    .leaf('sbdh:Type', 'Events')
    .leaf('sbdh:CreationDateAndTime', creationDate)
    .close('sbdh:DocumentIdentification');
  w.close('sbdh:StandardBusinessDocumentHeader');
}

export function serializeEpcisXml(
  doc: JsonObject,
  namespaces: Record<string, string>,
  options: SerializeXmlOptions,
): string {
  const isQuery = doc.type === 'EPCISQueryDocument';
  if (!isQuery && doc.type !== 'EPCISDocument') {
    throw validationError(`Cannot serialize a document of type "${String(doc.type)}" as EPCIS XML`);
  }
  const f = options.cbvFormat;
  const ns = new NamespaceWriter(namespaces);
  const body = new XmlWriter(1);
  const creationDate = typeof doc.creationDate === 'string' ? doc.creationDate : new Date().toISOString();
  const header = obj(doc.epcisHeader);
  const vocabularies = obj(header.epcisMasterData).vocabularyList;
  const withSbdh = !isQuery && doc.sender !== undefined && doc.receiver !== undefined;
  let usesEpcisNs = false;
  if (withSbdh || vocabularies !== undefined) {
    body.open('EPCISHeader');
    if (withSbdh) writeSbdh(body, doc, creationDate);
    if (vocabularies !== undefined) {
      body.open('extension').open('EPCISMasterData');
      writeVocabularyList(body, ns, vocabularies);
      body.close('EPCISMasterData').close('extension');
    }
    body.close('EPCISHeader');
  }
  body.open('EPCISBody');
  if (isQuery) {
    const qr = obj(obj(doc.epcisBody).queryResults);
    const rb = obj(qr.resultsBody);
    body.open('epcisq:QueryResults').leaf('queryName', scalarText(qr.queryName ?? 'SimpleEventQuery'));
    if (qr.subscriptionID !== undefined) body.leaf('subscriptionID', scalarText(qr.subscriptionID));
    body.open('resultsBody');
    if (rb.eventList === undefined && rb.vocabularyList !== undefined) writeVocabularyList(body, ns, rb.vocabularyList);
    else writeEvents(body, ns, rb.eventList ?? [], f);
    body.close('resultsBody').close('epcisq:QueryResults');
  } else {
    usesEpcisNs = true;
    writeEvents(body, ns, obj(doc.epcisBody).eventList, f);
  }
  body.close('EPCISBody');
  for (const [k, v] of Object.entries(doc)) {
    if (!DOC_FIELDS.has(k) && NamespaceWriter.isExtensionKey(k)) writeExtension(body, ns, k, v);
  }

  const rootName = isQuery ? 'epcisq:EPCISQueryDocument' : 'epcis:EPCISDocument';
  const attrs: Attrs = [];
  if (isQuery) attrs.push(['xmlns:epcisq', EPCISQ_NS['2.0']]);
  if (usesEpcisNs || !isQuery) attrs.push(['xmlns:epcis', EPCIS_NS['2.0']]);
  if (withSbdh) attrs.push(['xmlns:sbdh', SBDH_NS]);
  attrs.push(['xmlns:xsi', XSI_NS], ...ns.declarations());
  attrs.push(['schemaVersion', typeof doc.schemaVersion === 'string' ? doc.schemaVersion : '2.0']);
  attrs.push(['creationDate', creationDate]);
  const root = new XmlWriter();
  const open = root.open(rootName, attrs).toString();
  return `${XML_DECLARATION}${open}${body.toString()}\n</${rootName}>\n`;
}
