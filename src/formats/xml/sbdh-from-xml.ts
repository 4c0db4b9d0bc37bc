/**
 * The Standard Business Document Header (UN/CEFACT SBDH, as used by EPCIS 2.0 §9.2) -> JSON. The JSON binding
 * has no SBDH, only the pseudo-SBDH fields `sender`, `receiver` and `instanceIdentifier` (EPCIS-DIGEST §f
 * rule 1), which are derived here; the whole header is also kept as a plain object (local names as keys).
 */
import type { JsonObject, JsonValue } from '../../model/types';
import { addRepeated, newObject, setKey } from './json-safe';
import { dataAttrs, textOf, type XmlElement } from './xml-node';

export const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

function plain(el: XmlElement): JsonValue {
  const attrs = dataAttrs(el);
  if (el.children.length === 0 && attrs.length === 0) return textOf(el);
  const obj = newObject();
  const seen = new Set<string>();
  for (const a of attrs) addRepeated(obj, a.local, a.value, seen);
  for (const c of el.children) addRepeated(obj, c.local, plain(c), seen);
  if (el.children.length === 0) setKey(obj, '#text', textOf(el));
  return obj;
}

const identifier = (header: XmlElement, role: 'Sender' | 'Receiver'): string | undefined => {
  const partner = header.children.find((c) => c.local === role);
  const id = partner?.children.find((c) => c.local === 'Identifier');
  return id ? textOf(id) : undefined;
};

export interface SbdhResult {
  sbdh: JsonObject;
  sender?: string;
  receiver?: string;
  instanceIdentifier?: string;
}

export function sbdhFromXml(header: XmlElement): SbdhResult {
  const sbdh = plain(header) as JsonObject;
  const docId = header.children.find((c) => c.local === 'DocumentIdentification');
  const instance = docId?.children.find((c) => c.local === 'InstanceIdentifier');
  const out: SbdhResult = { sbdh };
  const sender = identifier(header, 'Sender');
  const receiver = identifier(header, 'Receiver');
  if (sender !== undefined) out.sender = sender;
  if (receiver !== undefined) out.receiver = receiver;
  if (instance) out.instanceIdentifier = textOf(instance);
  return out;
}
