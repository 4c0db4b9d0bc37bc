/**
 * JSON `vocabularyList` -> XML `VocabularyList` (EPCIS-DIGEST §f rule 11, XSD VocabularyElementType order:
 * attribute*, children?, then extensions). Object attribute values become nested XML.
 */
import type { JsonObject, JsonValue } from '../../model/types';
import { scalarText, writeExtension } from './extension-to-xml';
import { TEXT_KEY } from './extension-from-xml';
import { NamespaceWriter } from './namespace-writer';
import type { XmlWriter } from './xml-writer';

const list = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
const text = (v: JsonValue | undefined): string => (v === undefined ? '' : scalarText(v));

export function writeVocabularyList(w: XmlWriter, ns: NamespaceWriter, vocabularies: JsonValue | undefined): void {
  w.open('VocabularyList');
  for (const vv of list(vocabularies)) {
    const voc = vv as JsonObject;
    w.open('Vocabulary', [['type', text(voc.type)]]);
    const elements = list(voc.vocabularyElementList);
    if (elements.length > 0) {
      w.open('VocabularyElementList');
      for (const ev of elements) writeElement(w, ns, ev as JsonObject);
      w.close('VocabularyElementList');
    }
    w.close('Vocabulary');
  }
  w.close('VocabularyList');
}

function writeElement(w: XmlWriter, ns: NamespaceWriter, el: JsonObject): void {
  w.open('VocabularyElement', [['id', text(el.id)]]);
  for (const av of list(el.attributes)) {
    const a = av as JsonObject;
    const value = a.attribute;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      w.open('attribute', [['id', text(a.id)]]);
      for (const [k, v] of Object.entries(value)) {
        if (k === TEXT_KEY) w.text(scalarText(v));
        else writeExtension(w, ns, k, v);
      }
      w.close('attribute');
    } else w.leaf('attribute', value === undefined ? '' : scalarText(value), [['id', text(a.id)]]);
  }
  const children = list(el.children);
  if (children.length > 0) {
    w.open('children');
    for (const c of children) w.leaf('id', text(c));
    w.close('children');
  }
  for (const [k, v] of Object.entries(el)) {
    if (k !== 'id' && k !== 'attributes' && k !== 'children' && NamespaceWriter.isExtensionKey(k)) {
      writeExtension(w, ns, k, v);
    }
  }
  w.close('VocabularyElement');
}
