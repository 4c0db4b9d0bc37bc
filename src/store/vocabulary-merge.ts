/**
 * Master data accumulates (EPCIS 2.0 §6.5 and §8.2.5.3 "vocabulary elements ... in the EPCIS header"): capturing a
 * vocabulary element again merges it into the stored one. Attributes are keyed by attribute id (a new value
 * replaces the old one, new ids are appended); children are a set (union, first-seen order).
 */
import { decodeKeys, encodeKeys } from '../model/key-codec';
import type { VocabularyElementRecord } from '../model/types';

export function vocabularyKey(element: { type: string; id: string }): string {
  return `${element.type}|${element.id}`;
}

export function mergeVocabularyElement(
  existing: VocabularyElementRecord | undefined,
  incoming: VocabularyElementRecord,
): VocabularyElementRecord {
  const attributes = [...(existing?.attributes ?? [])];
  for (const attribute of incoming.attributes) {
    const at = attributes.findIndex((candidate) => candidate.id === attribute.id);
    if (at >= 0) attributes[at] = attribute;
    else attributes.push(attribute);
  }
  const children = [...(existing?.children ?? [])];
  for (const child of incoming.children) if (!children.includes(child)) children.push(child);
  return { type: incoming.type, id: incoming.id, attributes, children };
}

/** Folds a list that may name the same element several times into one record per (type, id), in first-seen order. */
export function foldVocabulary(list: VocabularyElementRecord[]): VocabularyElementRecord[] {
  const byKey = new Map<string, VocabularyElementRecord>();
  for (const element of list) {
    const key = vocabularyKey(element);
    byKey.set(key, mergeVocabularyElement(byKey.get(key), element));
  }
  return [...byKey.values()];
}

/**
 * The stored form of an element: attribute values may hold extension objects whose keys contain `.` or start
 * with `$` (EPCIS 2.0 §6.5 allows any XML/JSON content), so their keys are encoded like event keys (key-codec).
 */
export function encodeVocabularyElement(element: VocabularyElementRecord): VocabularyElementRecord {
  return {
    type: element.type,
    id: element.id,
    attributes: element.attributes.map((a) => ({ id: a.id, attribute: encodeKeys(a.attribute) })),
    children: [...element.children],
  };
}

export function decodeVocabularyElement(element: VocabularyElementRecord): VocabularyElementRecord {
  return {
    type: element.type,
    id: element.id,
    attributes: element.attributes.map((a) => ({ id: a.id, attribute: decodeKeys(a.attribute) })),
    children: [...element.children],
  };
}
