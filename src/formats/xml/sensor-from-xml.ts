/**
 * `sensorElementList` XML -> JSON (EPCIS 2.0 §7.3.7; EPCIS-DIGEST §e "sensorElementList", §f rules 4, 6, 7):
 * every metadata/report field is an XML attribute; numeric attributes become JSON numbers, `booleanValue` a
 * boolean, measurement types / alert types / components bare words; extension attributes become CURIE keys.
 */
import { toBareWord } from '../../cbv/cbv-values';
import { validationError } from '../../errors/epcis-errors';
import { SENSOR_NUMBER_FIELDS } from '../../model/sensor-fields';
import type { JsonObject, JsonValue } from '../../model/types';
import { addExtension, addExtensionChildren, extensionKey } from './extension-from-xml';
import { addRepeated, newObject, setKey } from './json-safe';
import type { NamespaceRegistry } from './namespace-registry';
import { dataAttrs, type XmlElement } from './xml-node';

const NUMBER_FIELDS: ReadonlySet<string> = new Set(SENSOR_NUMBER_FIELDS);

export function xmlNumber(raw: string, where: string): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) throw validationError(`${where}: "${raw}" is not a finite number`);
  return n;
}

function xmlBoolean(raw: string, where: string): boolean {
  const v = raw.trim();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw validationError(`${where}: "${raw}" is not a boolean`);
}

function sensorAttrs(el: XmlElement, reg: NamespaceRegistry, report: boolean): JsonObject {
  const obj = newObject();
  const seen = new Set<string>();
  for (const a of dataAttrs(el)) {
    if (a.ns !== '') {
      addRepeated(obj, extensionKey(a, reg), a.value, seen);
      continue;
    }
    let v: JsonValue = a.value;
    if (report) {
      if (NUMBER_FIELDS.has(a.local)) v = xmlNumber(a.value, `sensorReport@${a.local}`);
      else if (a.local === 'booleanValue') v = xmlBoolean(a.value, 'sensorReport@booleanValue');
      else if (a.local === 'type') v = toBareWord('measurementType', a.value.trim());
      else if (a.local === 'exception') v = toBareWord('sensorAlertType', a.value.trim());
      else if (a.local === 'component') v = toBareWord('component', a.value.trim());
    }
    setKey(obj, a.local, v);
  }
  return obj;
}

export function sensorElementListFromXml(list: XmlElement, reg: NamespaceRegistry): JsonValue[] {
  const out: JsonValue[] = [];
  for (const se of list.children) {
    if (se.ns !== '' || se.local !== 'sensorElement') {
      if (se.ns === '' && se.local === 'extension') continue; // SensorElementListExtensionType: nothing defined
      throw validationError(`Unexpected element <${se.local}> in sensorElementList`);
    }
    const obj = newObject();
    const seen = new Set<string>();
    const reports: JsonValue[] = [];
    for (const c of se.children) {
      if (c.ns !== '') addExtension(obj, c, reg, seen);
      // `sensorMetaData`: spelling used by the GS1 EPCIS 1.2 AssociationEvent example (1.2 had no sensor XSD).
      else if (c.local === 'sensorMetadata' || c.local === 'sensorMetaData')
        setKey(obj, 'sensorMetadata', sensorAttrs(c, reg, false));
      else if (c.local === 'sensorReport') reports.push(sensorAttrs(c, reg, true));
      else if (c.local === 'extension') addExtensionChildren(obj, c, reg, seen);
      else throw validationError(`Unexpected element <${c.local}> in sensorElement`);
    }
    setKey(obj, 'sensorReport', reports);
    out.push(obj);
  }
  return out;
}
