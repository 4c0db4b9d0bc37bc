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

export const IGNORED_KEYS: ReadonlySet<string> = new Set(['#text', 'rdfs:comment', 'comment']);
export const TYPED_LISTS: ReadonlySet<string> = new Set(['bizTransactionList', 'sourceList', 'destinationList']);

/** Where a bare CBV word is expected: a vocabulary for a leaf key, or the map of a nested structure's keys. */
export interface FieldMap {
  readonly [key: string]: CbvValueVocabulary | FieldMap;
}

const TYPED_ENTRY = (vocabulary: CbvValueVocabulary): FieldMap => ({ type: vocabulary });
export const EVENT_FIELDS: FieldMap = {
  bizStep: 'bizStep',
  disposition: 'disposition',
  persistentDisposition: { set: 'disposition', unset: 'disposition' },
  bizTransactionList: TYPED_ENTRY('bizTransactionType'),
  sourceList: TYPED_ENTRY('sourceDestType'),
  destinationList: TYPED_ENTRY('sourceDestType'),
  errorDeclaration: { reason: 'errorReason' },
  sensorElementList: {
    sensorReport: { type: 'measurementType', exception: 'sensorAlertType', component: 'component' },
  },
};
const NO_FIELDS: FieldMap = {};

/** The Web URI of every CBV word, by vocabulary (§h rule 7), made once. */
const WEB_URIS = new Map<CbvValueVocabulary, ReadonlyMap<string, string>>(
  (Object.keys(CBV_VALUE_FORMS) as CbvValueVocabulary[]).map((vocabulary) => {
    const forms = CBV_VALUE_FORMS[vocabulary];
    return [vocabulary, new Map([...forms.words].map((word) => [word, forms.web + word]))];
  }),
);

/** Python-style text of a JSON scalar, as the reference implementation writes it before normalising. */
export function scalarText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  return String(value);
}

/** Whether an object key is left out of the tree (XML text, comments, namespace declarations). */
export const isIgnoredKey = (key: string): boolean => IGNORED_KEYS.has(key) || key.startsWith('@xmlns');

export class HashTreeBuilder {
  private readonly prefixes: readonly (readonly [string, string])[];

  /** The first characters of the prefixes (a text starting otherwise has none of them). */
  private readonly firsts: string;

  constructor(namespaces: Readonly<Record<string, string>>) {
    // A prefix that is empty or has a colon never matches (`resolve` splits at the first colon, after position 0).
    const prefixes: (readonly [string, string])[] = [];
    let firsts = '';
    for (const entry of Object.entries(namespaces)) {
      if (entry[0] !== '' && !entry[0].includes(':')) {
        prefixes.push(entry);
        firsts += entry[0][0] as string;
      }
    }
    this.prefixes = prefixes;
    this.firsts = firsts;
  }

  /** The event's top-level nodes. */
  eventNodes(event: { [key: string]: JsonValue }): HashNode[] {
    return this.objectKids(event, EVENT_FIELDS);
  }

  /** The top-level nodes of some of the event's keys only (same nodes as in `eventNodes`). */
  eventKeyNodes(event: { [key: string]: JsonValue }, keys: readonly string[]): HashNode[] {
    return this.objectKids(event, EVENT_FIELDS, keys);
  }

  /** `prefix:local` with a declared prefix -> `{iri}local` (keys) or `iriLocal` (values); anything else unchanged. */
  resolve(text: string, asKey: boolean): string {
    if (this.firsts.length === 0 || !this.firsts.includes(text.charAt(0))) return text;
    for (const [prefix, iri] of this.prefixes) {
      const colon = prefix.length;
      // The prefix has no colon: a colon right after it is the text's first colon.
      if (text.charCodeAt(colon) === 58 && text.startsWith(prefix)) {
        return asKey ? `{${iri}}${text.slice(colon + 1)}` : iri + text.slice(colon + 1);
      }
    }
    return text;
  }

  /** The text of a string leaf of a field with CBV words (`vocabulary`), or of any other field. */
  stringText(value: string, vocabulary: CbvValueVocabulary | undefined): string {
    // Only bare words are expanded (as JSON-LD does); CURIEs such as `gs1:Temperature` stay as written.
    if (vocabulary !== undefined) {
      const web = WEB_URIS.get(vocabulary)?.get(value);
      if (web !== undefined) return this.resolve(web, false);
    }
    return this.resolve(value, false);
  }

  private leafText(value: JsonValue, field: CbvValueVocabulary | FieldMap | undefined): string {
    if (typeof value !== 'string') return scalarText(value);
    return this.stringText(value, typeof field === 'string' ? field : undefined);
  }

  private node(name: string, value: JsonValue, field: CbvValueVocabulary | FieldMap | undefined): HashNode {
    if (Array.isArray(value)) return { name, text: '', kids: value.map((v) => this.node('', v, field)) };
    if (value !== null && typeof value === 'object') {
      const text = value['#text'];
      const fields = typeof field === 'object' ? field : NO_FIELDS;
      return { name, text: text === undefined ? '' : scalarText(text), kids: this.objectKids(value, fields) };
    }
    return { name, text: this.leafText(value, field), kids: [] };
  }

  private objectKids(obj: { [key: string]: JsonValue }, fields: FieldMap, only?: readonly string[]): HashNode[] {
    const kids: HashNode[] = [];
    let lists: Map<string, HashNode[]> | undefined;
    if (only) for (const key of only) lists = this.addKey(kids, lists, obj, key, fields);
    else {
      for (const key in obj) {
        if (Object.prototype.hasOwnProperty.call(obj, key)) lists = this.addKey(kids, lists, obj, key, fields);
      }
    }
    if (lists) for (const [name, group] of lists) kids.push({ name, text: '', kids: group });
    return kids;
  }

  /** Adds the nodes of one key to `kids`, or to its group in `lists` (returned, created on the first list). */
  private addKey(
    kids: HashNode[],
    lists: Map<string, HashNode[]> | undefined,
    obj: { [key: string]: JsonValue },
    key: string,
    fields: FieldMap,
  ): Map<string, HashNode[]> | undefined {
    if (isIgnoredKey(key)) return lists;
    const value = obj[key] as JsonValue;
    const name = this.resolve(key, true);
    const field = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    const isList = name.endsWith('List');
    if (!isList && name !== 'childEPCs') {
      if (Array.isArray(value)) for (const v of value) kids.push(renameNode(this.node(name, v, field)));
      else kids.push(renameNode(this.node(name, value, field)));
      return lists;
    }
    lists ??= new Map();
    let group = lists.get(name);
    if (!group) lists.set(name, (group = []));
    for (const v of Array.isArray(value) ? value : [value]) {
      const e = this.node(name, v, field);
      if (!isList) group.push({ name: 'epc', text: e.text, kids: [] });
      else if (TYPED_LISTS.has(name)) group.push(typedEntry(e));
      else {
        e.name = name.slice(0, -4);
        group.push(renameNode(e));
      }
    }
    return lists;
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

/** §h rule 6: a typed entry is written `type=…` then `bizTransaction|source|destination=…`. */
function typedEntry(entry: HashNode): HashNode {
  const type = entry.kids.find((k) => k.name === 'type');
  const id = entry.kids.find((k) => k.name === 'bizTransaction' || k.name === 'source' || k.name === 'destination');
  return { name: '', text: '', kids: [type, id].filter((k): k is HashNode => k !== undefined), pair: true };
}
