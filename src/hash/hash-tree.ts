/**
 * The event as a tree of named leaves, the shape the CBV 2.0 event hash walks (EPCIS-DIGEST §h). JSON arrays
 * become repeated siblings, `…List` wrappers hold their elements under the singular name (`epcList` > `epc`,
 * `quantityList` > `quantityElement`), as in the XML binding the hash was defined on; CBV bare words become Web
 * URIs (§h rule 7) and CURIE keys `{namespaceURI}localName` (§h rule 9).
 */
import type { JsonValue } from '../model/types';
import { CBV_VALUE_FORMS, type CbvValueVocabulary } from '../cbv/cbv-values';

export interface HashNode {
  name: string;
  text: string;
  kids: HashNode[];
  /** A bizTransaction/source/destination entry: its `type` then its id, written in that order, unsorted. */
  pair?: boolean;
}

const IGNORED_KEYS = new Set(['#text', 'rdfs:comment', 'comment']);
const TYPED_LISTS = new Set(['bizTransactionList', 'sourceList', 'destinationList']);

/** Where a bare CBV word is expected, by the path of keys (list elements share their list's key). */
const CBV_FIELDS: Readonly<Record<string, CbvValueVocabulary>> = {
  bizStep: 'bizStep',
  disposition: 'disposition',
  'persistentDisposition/set': 'disposition',
  'persistentDisposition/unset': 'disposition',
  'bizTransactionList/type': 'bizTransactionType',
  'sourceList/type': 'sourceDestType',
  'destinationList/type': 'sourceDestType',
  'errorDeclaration/reason': 'errorReason',
  'sensorElementList/sensorReport/type': 'measurementType',
  'sensorElementList/sensorReport/exception': 'sensorAlertType',
  'sensorElementList/sensorReport/component': 'component',
};

/** Python-style text of a JSON scalar, as the reference implementation writes it before normalising. */
function scalarText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  return String(value);
}

export class HashTreeBuilder {
  constructor(private readonly namespaces: Readonly<Record<string, string>>) {}

  /** The event's top-level nodes. */
  eventNodes(event: { [key: string]: JsonValue }): HashNode[] {
    return this.objectKids(event, '');
  }

  private resolve(text: string, asKey: boolean): string {
    const colon = text.indexOf(':');
    if (colon <= 0) return text;
    const ns = Object.prototype.hasOwnProperty.call(this.namespaces, text.slice(0, colon))
      ? this.namespaces[text.slice(0, colon)]
      : undefined;
    if (ns === undefined) return text;
    return asKey ? `{${ns}}${text.slice(colon + 1)}` : ns + text.slice(colon + 1);
  }

  private leafText(value: JsonValue, path: string): string {
    let text = scalarText(value);
    const vocabulary = CBV_FIELDS[path];
    // Only bare words are expanded (as JSON-LD does); CURIEs such as `gs1:Temperature` stay as written.
    if (vocabulary && typeof value === 'string') {
      const forms = CBV_VALUE_FORMS[vocabulary];
      if (forms.words.has(value)) text = forms.web + value;
    }
    return typeof value === 'string' ? this.resolve(text, false) : text;
  }

  private node(name: string, value: JsonValue, path: string): HashNode {
    if (Array.isArray(value)) return { name, text: '', kids: value.map((v) => this.node('', v, path)) };
    if (value !== null && typeof value === 'object') {
      const text = value['#text'];
      return { name, text: text === undefined ? '' : scalarText(text), kids: this.objectKids(value, path) };
    }
    return { name, text: this.leafText(value, path), kids: [] };
  }

  private objectKids(obj: { [key: string]: JsonValue }, path: string): HashNode[] {
    const kids: HashNode[] = [];
    const lists = new Map<string, HashNode[]>();
    for (const key of Object.keys(obj)) {
      if (IGNORED_KEYS.has(key) || key.startsWith('@xmlns')) continue;
      const value = obj[key] as JsonValue;
      const name = this.resolve(key, true);
      const childPath = path === '' ? key : `${path}/${key}`;
      const elements = Array.isArray(value)
        ? value.map((v) => this.node(name, v, childPath))
        : [this.node(name, value, childPath)];
      if (name.endsWith('List')) {
        const group = lists.get(name) ?? [];
        for (const e of elements) group.push(TYPED_LISTS.has(name) ? typedEntry(e) : renamed(e, name.slice(0, -4)));
        lists.set(name, group);
      } else if (name === 'childEPCs') {
        const group = lists.get(name) ?? [];
        for (const e of elements) group.push({ name: 'epc', text: e.text, kids: [] });
        lists.set(name, group);
      } else {
        kids.push(...elements.map(renameNode));
      }
    }
    for (const [name, group] of lists) kids.push({ name, text: '', kids: group });
    return kids;
  }
}

/** The XML binding's element names (reference implementation's JSON/XML model alignment). */
function renameNode(node: HashNode): HashNode {
  const n = node.name;
  if (n === 'inputEPC' || n === 'outputEPC') node.name = 'epc';
  else if (n === 'inputQuantity' || n === 'outputQuantity' || n === 'childQuantity') node.name = 'quantityElement';
  else if (n === 'quantity' && node.kids.length > 0) node.name = 'quantityElement';
  return node;
}

const renamed = (node: HashNode, name: string): HashNode => renameNode({ ...node, name });

/** §h rule 6: a typed entry is written `type=…` then `bizTransaction|source|destination=…`. */
function typedEntry(entry: HashNode): HashNode {
  const type = entry.kids.find((k) => k.name === 'type');
  const id = entry.kids.find((k) => k.name === 'bizTransaction' || k.name === 'source' || k.name === 'destination');
  return { name: '', text: '', kids: [type, id].filter((k): k is HashNode => k !== undefined), pair: true };
}
