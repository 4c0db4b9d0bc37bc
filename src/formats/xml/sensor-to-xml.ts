/**
 * `sensorElementList` JSON -> XML (EPCIS 2.0 §7.3.7; XSD SensorElementType): metadata and report fields are
 * attributes; measurement types and alert types are written `gs1:X` (or the Web URI), components as CBV
 * URNs (or Web URIs); extension keys of metadata/report become namespaced attributes, those of the sensor
 * element namespaced child elements after the reports.
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { cbvXmlValue, type CbvXmlFormat } from './cbv-xml-forms';
import { scalarText, writeExtension } from './extension-to-xml';
import { NamespaceWriter } from './namespace-writer';
import type { Attrs, XmlWriter } from './xml-writer';
import { SENSOR_METADATA_FIELDS, SENSOR_REPORT_FIELDS } from '../../model/sensor-fields';

const METADATA: Set<string> = new Set(SENSOR_METADATA_FIELDS);
const REPORT: Set<string> = new Set(SENSOR_REPORT_FIELDS);

function attrs(obj: JsonObject, known: Set<string>, ns: NamespaceWriter, fmt: CbvXmlFormat, where: string): Attrs {
  const out: Attrs = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object') {
      throw validationError(`${where}.${k}: a structured value cannot be written as an XML attribute`);
    }
    if (known.has(k)) {
      let s = scalarText(v);
      if (where === 'sensorReport' && k === 'type') s = cbvXmlValue('measurementType', s, fmt);
      else if (where === 'sensorReport' && k === 'exception') s = cbvXmlValue('sensorAlertType', s, fmt);
      else if (where === 'sensorReport' && k === 'component') s = cbvXmlValue('component', s, fmt);
      out.push([k, s]);
    } else if (NamespaceWriter.isExtensionKey(k)) out.push([ns.qname(k), scalarText(v)]);
    // Another bare field (e.g. `bizRules` on a sensorReport in SensorDataExample8): the XSD's anyAttribute
    // admits unqualified attributes, and the parser maps them back to the same key.
    else out.push([k, scalarText(v)]);
  }
  return out;
}

export function writeSensorElementList(w: XmlWriter, ns: NamespaceWriter, list: JsonValue, fmt: CbvXmlFormat): void {
  w.open('sensorElementList');
  for (const item of Array.isArray(list) ? list : []) {
    const se = item as JsonObject;
    w.open('sensorElement');
    const md = se.sensorMetadata;
    if (md && typeof md === 'object' && !Array.isArray(md)) {
      w.leaf('sensorMetadata', '', attrs(md, METADATA, ns, fmt, 'sensorMetadata'));
    }
    for (const r of Array.isArray(se.sensorReport) ? se.sensorReport : []) {
      w.leaf('sensorReport', '', attrs(r as JsonObject, REPORT, ns, fmt, 'sensorReport'));
    }
    for (const [k, v] of Object.entries(se)) {
      if (k === 'sensorMetadata' || k === 'sensorReport') continue;
      if (!NamespaceWriter.isExtensionKey(k)) throw validationError(`sensorElement: unknown field "${k}"`);
      writeExtension(w, ns, k, v);
    }
    w.close('sensorElement');
  }
  w.close('sensorElementList');
}
