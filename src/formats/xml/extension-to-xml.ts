/**
 * JSON extension values -> XML elements (EPCIS-DIGEST §f rule 8, reverse direction): strings, numbers and
 * booleans become text; arrays become repeated elements; objects become nested elements (bare keys unqualified,
 * CURIE keys namespaced; `#text` becomes the element's text); `null` becomes an empty element.
 */
import type { JsonValue } from '../../model/types';
import { TEXT_KEY } from './extension-from-xml';
import type { NamespaceWriter } from './namespace-writer';
import type { XmlWriter } from './xml-writer';

export const scalarText = (v: JsonValue): string =>
  v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export function writeExtension(w: XmlWriter, ns: NamespaceWriter, key: string, value: JsonValue): void {
  const name = ns.qname(key);
  if (Array.isArray(value)) {
    for (const item of value) writeExtension(w, ns, key, item);
    return;
  }
  if (value === null || typeof value !== 'object') {
    w.leaf(name, scalarText(value));
    return;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    w.leaf(name, '');
    return;
  }
  w.open(name);
  for (const [k, v] of entries) {
    if (k === TEXT_KEY) w.text(scalarText(v));
    else writeExtension(w, ns, k, v);
  }
  w.close(name);
}
