/**
 * Extension elements and attributes -> JSON (EPCIS-DIGEST §f rule 8, §e "Extensions"):
 * - `{ns}local` becomes the CURIE key `prefix:local` (prefix from the NamespaceRegistry);
 * - text-only elements become strings (leaf values stay strings, even with `xsi:type`: §f rule 7), empty ones `""`;
 * - nested elements become nested objects, repeated siblings an array;
 * - attributes on extension elements become CURIE keys of the object (our documented choice; no GS1 example
 *   pair exists), and text beside attributes or child elements is kept under `#text`.
 */
import type { JsonObject, JsonValue } from '../../model/types';
import { addRepeated, newObject, setKey } from './json-safe';
import type { NamespaceRegistry } from './namespace-registry';
import { dataAttrs, textOf, type XmlElement } from './xml-node';

/** The key under which text content is kept when an extension element also has attributes or children. */
export const TEXT_KEY = '#text';

export function extensionKey(el: { ns: string; prefix: string; local: string }, reg: NamespaceRegistry): string {
  return reg.curie(el.ns, el.prefix, el.local);
}

export function extensionValue(el: XmlElement, reg: NamespaceRegistry): JsonValue {
  const attrs = dataAttrs(el);
  if (el.children.length === 0 && attrs.length === 0) return textOf(el);
  const obj = newObject();
  const seen = new Set<string>();
  for (const a of attrs) addRepeated(obj, extensionKey(a, reg), a.value, seen);
  for (const c of el.children) addRepeated(obj, extensionKey(c, reg), extensionValue(c, reg), seen);
  const text = textOf(el);
  if (text !== '') setKey(obj, TEXT_KEY, text);
  return obj;
}

/** Adds one extension element to a JSON object (repeated names become arrays). */
export function addExtension(target: JsonObject, el: XmlElement, reg: NamespaceRegistry, seen: Set<string>): void {
  addRepeated(target, extensionKey(el, reg), extensionValue(el, reg), seen);
}

/**
 * Adds the children of a container whose content is only extensions (`ilmd`, legacy `extension` wrappers):
 * namespaced children become CURIE keys; an unqualified `extension` wrapper is flattened (§f rule 9).
 */
export function addExtensionChildren(
  target: JsonObject,
  container: XmlElement,
  reg: NamespaceRegistry,
  seen: Set<string>,
): void {
  for (const c of container.children) {
    if (c.ns === '' && c.local === 'extension') addExtensionChildren(target, c, reg, seen);
    else addExtension(target, c, reg, seen);
  }
}
