/**
 * Master data XML -> JSON `vocabularyList` (EPCIS-DIGEST §e "EPCISDocument (JSON)", §f rule 11):
 * `<Vocabulary type><VocabularyElementList><VocabularyElement id><attribute id>value</attribute>...
 * <children><id/>...</children>` -> `[{type, vocabularyElementList: [{id, attributes: [{id, attribute}], children}]}]`.
 * An attribute whose value is nested XML becomes an object (extension mapping, CURIE keys).
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { addExtension, extensionValue } from './extension-from-xml';
import { newObject, setKey } from './json-safe';
import type { NamespaceRegistry } from './namespace-registry';
import { attr, textOf, type XmlElement } from './xml-node';

const required = (el: XmlElement, name: string): string => {
  const v = attr(el, name);
  if (v === undefined) throw validationError(`<${el.local}> lacks its required attribute "${name}"`);
  return v.trim();
};

function attributeValue(a: XmlElement, reg: NamespaceRegistry): JsonValue {
  if (a.children.length === 0) return textOf(a);
  const holder: XmlElement = { ...a, attrs: [] };
  return extensionValue(holder, reg);
}

function vocabularyElement(ve: XmlElement, reg: NamespaceRegistry): JsonObject {
  const obj = newObject();
  setKey(obj, 'id', required(ve, 'id'));
  const attributes: JsonValue[] = [];
  let children: JsonValue[] | undefined;
  const seen = new Set<string>();
  for (const c of ve.children) {
    if (c.ns !== '') addExtension(obj, c, reg, seen);
    else if (c.local === 'attribute') {
      const a = newObject();
      setKey(a, 'id', required(c, 'id'));
      setKey(a, 'attribute', attributeValue(c, reg));
      attributes.push(a);
    } else if (c.local === 'children') {
      children = c.children.filter((i) => i.ns === '' && i.local === 'id').map(textOf);
    } else if (c.local !== 'extension') throw validationError(`Unexpected element <${c.local}> in VocabularyElement`);
  }
  if (attributes.length > 0) setKey(obj, 'attributes', attributes);
  if (children && children.length > 0) setKey(obj, 'children', children);
  return obj;
}

export function vocabularyListFromXml(list: XmlElement, reg: NamespaceRegistry): JsonValue[] {
  const out: JsonValue[] = [];
  for (const v of list.children) {
    if (v.ns !== '' || v.local !== 'Vocabulary')
      throw validationError(`Unexpected element <${v.local}> in VocabularyList`);
    const voc = newObject();
    setKey(voc, 'type', required(v, 'type'));
    const elements: JsonValue[] = [];
    for (const c of v.children) {
      if (c.ns === '' && c.local === 'VocabularyElementList') {
        for (const ve of c.children) {
          if (ve.ns !== '' || ve.local !== 'VocabularyElement') {
            throw validationError(`Unexpected element <${ve.local}> in VocabularyElementList`);
          }
          elements.push(vocabularyElement(ve, reg));
        }
      }
    }
    setKey(voc, 'vocabularyElementList', elements);
    out.push(voc);
  }
  return out;
}
