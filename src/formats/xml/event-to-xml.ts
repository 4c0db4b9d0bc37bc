/**
 * One EPCIS 2.0 JSON event -> its XML element, in the exact XSD order (EPCIS-DIGEST §e tables, §f rules 3-10).
 * CBV bare words become URNs or Web URIs according to `GS1-CBV-XML-Format`; extension keys go to the trailing
 * `##other` slot (never into the legacy `extension` wrapper, §f rule 9).
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { cbvXmlValue, type CbvXmlFormat } from './cbv-xml-forms';
import { ANY_EVENT_FIELD_ORDER, COMMON_FIELDS, EVENT_FIELD_ORDER } from './event-field-order';
import { scalarText, writeExtension } from './extension-to-xml';
import { NamespaceWriter } from './namespace-writer';
import { writeSensorElementList } from './sensor-to-xml';
import type { XmlWriter } from './xml-writer';

const str = (v: JsonValue | undefined): string => (v === undefined ? '' : scalarText(v));
const arr = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const obj = (v: JsonValue | undefined): JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};

function writeExtensionsOf(w: XmlWriter, ns: NamespaceWriter, o: JsonObject, known: Set<string>, where: string) {
  for (const [k, v] of Object.entries(o)) {
    if (known.has(k)) continue;
    if (!NamespaceWriter.isExtensionKey(k)) throw validationError(`${where}: unknown field "${k}"`);
    writeExtension(w, ns, k, v);
  }
}

function writeQuantityList(w: XmlWriter, name: string, list: JsonValue | undefined): void {
  w.open(name);
  for (const q of arr(list)) {
    const qe = obj(q);
    w.open('quantityElement').leaf('epcClass', str(qe.epcClass));
    if (qe.quantity !== undefined) w.leaf('quantity', str(qe.quantity));
    // XSD: uom only after quantity; quantity is nillable, so a uom without quantity keeps a nil quantity.
    else if (qe.uom !== undefined) w.leaf('quantity', '', [['xsi:nil', 'true']]);
    if (qe.uom !== undefined) w.leaf('uom', str(qe.uom));
    w.close('quantityElement');
  }
  w.close(name);
}

type Vocab = 'bizTransactionType' | 'sourceDestType';
function writeTypedList(
  w: XmlWriter,
  name: string,
  item: string,
  vocab: Vocab,
  list: JsonValue | undefined,
  f: CbvXmlFormat,
) {
  w.open(name);
  for (const e of arr(list)) {
    const o = obj(e);
    w.leaf(item, str(o[item]), o.type === undefined ? [] : [['type', cbvXmlValue(vocab, str(o.type), f)]]);
  }
  w.close(name);
}

function writeField(w: XmlWriter, ns: NamespaceWriter, name: string, v: JsonValue, f: CbvXmlFormat): void {
  switch (name) {
    case 'epcList':
    case 'childEPCs':
    case 'inputEPCList':
    case 'outputEPCList':
      w.open(name);
      for (const e of arr(v)) w.leaf('epc', str(e));
      return void w.close(name);
    case 'quantityList':
    case 'childQuantityList':
    case 'inputQuantityList':
    case 'outputQuantityList':
      return writeQuantityList(w, name, v);
    case 'bizStep':
      return void w.leaf(name, cbvXmlValue('bizStep', str(v), f));
    case 'disposition':
      return void w.leaf(name, cbvXmlValue('disposition', str(v), f));
    case 'readPoint':
    case 'bizLocation':
      w.open(name).leaf('id', str(obj(v).id));
      writeExtensionsOf(w, ns, obj(v), new Set(['id']), name);
      return void w.close(name);
    case 'bizTransactionList':
      return writeTypedList(w, name, 'bizTransaction', 'bizTransactionType', v, f);
    case 'sourceList':
      return writeTypedList(w, name, 'source', 'sourceDestType', v, f);
    case 'destinationList':
      return writeTypedList(w, name, 'destination', 'sourceDestType', v, f);
    case 'sensorElementList':
      return writeSensorElementList(w, ns, v, f);
    case 'persistentDisposition': {
      // XSD order: every `unset` before every `set` (EPCIS-DIGEST §e "Field shapes").
      w.open(name);
      for (const d of arr(obj(v).unset)) w.leaf('unset', cbvXmlValue('disposition', str(d), f));
      for (const d of arr(obj(v).set)) w.leaf('set', cbvXmlValue('disposition', str(d), f));
      return void w.close(name);
    }
    case 'ilmd':
      w.open(name);
      writeExtensionsOf(w, ns, obj(v), new Set(), 'ilmd');
      return void w.close(name);
    case 'errorDeclaration': {
      const ed = obj(v);
      w.open(name).leaf('declarationTime', str(ed.declarationTime));
      if (ed.reason !== undefined) w.leaf('reason', cbvXmlValue('errorReason', str(ed.reason), f));
      if (ed.correctiveEventIDs !== undefined) {
        w.open('correctiveEventIDs');
        for (const id of arr(ed.correctiveEventIDs)) w.leaf('correctiveEventID', str(id));
        w.close('correctiveEventIDs');
      }
      writeExtensionsOf(w, ns, ed, new Set(['declarationTime', 'reason', 'correctiveEventIDs']), name);
      return void w.close(name);
    }
    case 'certificationInfo':
      // XSD allows one certificationInfo; JSON may carry an array (@set): the first value is written.
      return void w.leaf(name, str(arr(v)[0]));
    default:
      return void w.leaf(name, str(v));
  }
}

/** Writes one event. Standard event types go straight into EventList; others into an `extension` wrapper. */
export function writeEvent(w: XmlWriter, ns: NamespaceWriter, event: JsonObject, f: CbvXmlFormat): void {
  const type = str(event.type);
  const specific = EVENT_FIELD_ORDER[type];
  const custom = specific === undefined;
  if (custom && !NamespaceWriter.isExtensionKey(type)) throw validationError(`Unknown event type "${type}"`);
  const order = [...COMMON_FIELDS, ...(specific ?? ANY_EVENT_FIELD_ORDER)];
  const name = custom ? ns.qname(type) : type;
  if (custom) w.open('extension');
  w.open(name);
  for (const field of order) {
    const v = event[field];
    if (v !== undefined && Object.prototype.hasOwnProperty.call(event, field)) writeField(w, ns, field, v, f);
  }
  const known = new Set<string>([...order, 'type']);
  for (const [k, v] of Object.entries(event)) {
    if (known.has(k) || k.startsWith('@')) continue;
    if (!NamespaceWriter.isExtensionKey(k)) throw validationError(`${type}: the field "${k}" has no place in XML`);
    writeExtension(w, ns, k, v);
  }
  w.close(name);
  if (custom) w.close('extension');
}
