/**
 * One EPCIS event element -> its EPCIS 2.0 JSON form (EPCIS-DIGEST §f rules 2-9 and 12).
 * Standard children are unqualified (XSD elementFormDefault="unqualified"); namespaced children are extensions.
 * Legacy wrappers (`extension`, and in EPCIS 1.2 `baseExtension` holding eventID/errorDeclaration) are flattened,
 * which is also the 1.2 -> 2.0 upgrade of quantityList, sourceList, destinationList and ilmd (§f rule 12).
 */
import { toBareWord } from '../../cbv/cbv-values';
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { addExtension, addExtensionChildren, extensionKey } from './extension-from-xml';
import { addRepeated, newObject, setKey } from './json-safe';
import type { NamespaceRegistry } from './namespace-registry';
import { sensorElementListFromXml, xmlNumber } from './sensor-from-xml';
import { attr, dataAttrs, isNil, textOf, type XmlElement } from './xml-node';

const TEXT_FIELDS = new Set([
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'eventID',
  'certificationInfo',
  'action',
  'parentID',
  'transformationID',
]);
const EPC_LISTS = new Set(['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']);
const QUANTITY_LISTS = new Set(['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']);

const unexpected = (name: string, where: string) => validationError(`Unexpected element <${name}> in ${where}`);

function textList(list: XmlElement, item: string): string[] {
  return list.children.map((c) => {
    if (c.ns !== '' || c.local !== item) throw unexpected(c.local, list.local);
    return textOf(c);
  });
}

function quantityList(list: XmlElement): JsonValue[] {
  return list.children.map((qe) => {
    if (qe.ns !== '' || qe.local !== 'quantityElement') throw unexpected(qe.local, list.local);
    const q = newObject();
    for (const f of qe.children) {
      if (f.local === 'epcClass' || f.local === 'uom') setKey(q, f.local, textOf(f));
      else if (f.local === 'quantity') {
        if (!isNil(f)) setKey(q, 'quantity', xmlNumber(f.text, 'quantity'));
      } else throw unexpected(f.local, 'quantityElement');
    }
    return q;
  });
}

/** readPoint / bizLocation: `{ id, ...extensions }` (§f rule 5). */
function idObject(el: XmlElement, reg: NamespaceRegistry): JsonObject {
  const obj = newObject();
  const seen = new Set<string>();
  for (const c of el.children) {
    if (c.ns !== '') addExtension(obj, c, reg, seen);
    else if (c.local === 'id') setKey(obj, 'id', textOf(c));
    else if (c.local === 'extension') addExtensionChildren(obj, c, reg, seen);
    else throw unexpected(c.local, el.local);
  }
  return obj;
}

/** bizTransactionList / sourceList / destinationList: `<x type="T">V</x>` -> `{type, x: V}` (§f rule 4). */
function typedList(list: XmlElement, item: string, vocab: 'bizTransactionType' | 'sourceDestType'): JsonValue[] {
  return list.children.map((c) => {
    if (c.ns !== '' || c.local !== item) throw unexpected(c.local, list.local);
    const obj = newObject();
    const type = attr(c, 'type');
    if (type !== undefined) setKey(obj, 'type', toBareWord(vocab, type.trim()));
    setKey(obj, item, textOf(c));
    return obj;
  });
}

function errorDeclaration(el: XmlElement, reg: NamespaceRegistry): JsonObject {
  const obj = newObject();
  const seen = new Set<string>();
  for (const c of el.children) {
    if (c.ns !== '') addExtension(obj, c, reg, seen);
    else if (c.local === 'declarationTime') setKey(obj, 'declarationTime', textOf(c));
    else if (c.local === 'reason') setKey(obj, 'reason', toBareWord('errorReason', textOf(c)));
    else if (c.local === 'correctiveEventIDs') setKey(obj, 'correctiveEventIDs', textList(c, 'correctiveEventID'));
    else if (c.local === 'extension') addExtensionChildren(obj, c, reg, seen);
    else throw unexpected(c.local, 'errorDeclaration');
  }
  return obj;
}

function persistentDisposition(el: XmlElement): JsonObject {
  const set: JsonValue[] = [];
  const unset: JsonValue[] = [];
  for (const c of el.children) {
    if (c.ns !== '' || (c.local !== 'set' && c.local !== 'unset')) throw unexpected(c.local, 'persistentDisposition');
    (c.local === 'set' ? set : unset).push(toBareWord('disposition', textOf(c)));
  }
  const obj = newObject();
  if (set.length > 0) setKey(obj, 'set', set);
  if (unset.length > 0) setKey(obj, 'unset', unset);
  return obj;
}

/** EPCIS 1.2 `##local` extension content that is no EPCIS 2.0 field keeps the 1.2 namespace (see eventFromXml). */
const LEGACY_PREFIX = 'epcis12';

function mapChild(ev: JsonObject, c: XmlElement, reg: NamespaceRegistry, seen: Set<string>, legacy: boolean): void {
  if (c.ns !== '') return addExtension(ev, c, reg, seen);
  const name = c.local;
  if (TEXT_FIELDS.has(name)) setKey(ev, name, textOf(c));
  else if (name === 'bizStep') setKey(ev, name, toBareWord('bizStep', textOf(c)));
  else if (name === 'disposition') setKey(ev, name, toBareWord('disposition', textOf(c)));
  else if (EPC_LISTS.has(name)) setKey(ev, name, textList(c, 'epc'));
  else if (QUANTITY_LISTS.has(name)) setKey(ev, name, quantityList(c));
  else if (name === 'readPoint' || name === 'bizLocation') setKey(ev, name, idObject(c, reg));
  else if (name === 'bizTransactionList') setKey(ev, name, typedList(c, 'bizTransaction', 'bizTransactionType'));
  else if (name === 'sourceList') setKey(ev, name, typedList(c, 'source', 'sourceDestType'));
  else if (name === 'destinationList') setKey(ev, name, typedList(c, 'destination', 'sourceDestType'));
  else if (name === 'sensorElementList') setKey(ev, name, sensorElementListFromXml(c, reg));
  else if (name === 'persistentDisposition') setKey(ev, name, persistentDisposition(c));
  else if (name === 'errorDeclaration') setKey(ev, name, errorDeclaration(c, reg));
  else if (name === 'ilmd') {
    const ilmd = newObject();
    addExtensionChildren(ilmd, c, reg, new Set());
    setKey(ev, name, ilmd);
  } else if (name === 'extension' || name === 'baseExtension') {
    // Legacy wrappers: 2.0 holds ##other extensions; 1.2 holds standard fields added after 1.0 (§f rules 9, 12).
    for (const inner of c.children) mapChild(ev, inner, reg, seen, legacy || c.local === 'extension');
  } else if (legacy && reg.legacyNamespace !== undefined) {
    addExtension(ev, { ...c, ns: reg.legacyNamespace, prefix: LEGACY_PREFIX }, reg, seen);
  } else throw unexpected(name, String(ev.type));
}

/**
 * Maps an event element. `type` is the JSON `type` (the element name, or `prefix:Local` for a custom event).
 * In an EPCIS 1.2 document, an unqualified element inside an `extension` wrapper that is no 2.0 field (1.2
 * reserved `##local` content, e.g. `extension/extension/myField` in the GS1 1.2 ObjectEvent example) is kept as
 * an extension field in the 1.2 namespace `urn:epcglobal:epcis:xsd:1` (prefix `epcis12`) instead of being lost.
 * EPCIS 1.2 QuantityEvent (removed in 2.0) becomes the equivalent ObjectEvent with action OBSERVE and a
 * one-element quantityList (EPCIS 2.0 §7.4.2 deprecation note).
 */
export function eventFromXml(el: XmlElement, type: string, reg: NamespaceRegistry): JsonObject {
  const ev = newObject();
  const seen = new Set<string>();
  if (type === 'QuantityEvent') return quantityEventToObjectEvent(el, reg);
  setKey(ev, 'type', type);
  for (const a of dataAttrs(el)) addRepeated(ev, extensionKey(a, reg), a.value, seen);
  for (const c of el.children) mapChild(ev, c, reg, seen, false);
  return ev;
}

function quantityEventToObjectEvent(el: XmlElement, reg: NamespaceRegistry): JsonObject {
  const rest: XmlElement = {
    ...el,
    children: el.children.filter((c) => c.local !== 'epcClass' && c.local !== 'quantity'),
  };
  const src = eventFromXml(rest, 'ObjectEvent', reg);
  const q = newObject();
  const epcClass = el.children.find((c) => c.ns === '' && c.local === 'epcClass');
  const quantity = el.children.find((c) => c.ns === '' && c.local === 'quantity');
  if (epcClass) setKey(q, 'epcClass', textOf(epcClass));
  if (quantity) setKey(q, 'quantity', xmlNumber(quantity.text, 'quantity'));
  setKey(src, 'action', 'OBSERVE');
  setKey(src, 'quantityList', [q]);
  return src;
}
