/**
 * Fields outside the canonical order (extensions, `ilmd`, unknown fields; EPCIS-DIGEST §h rules 1 and 9) written
 * straight from JSON when they are plain nested objects, scalars and arrays of them: `name[=value]` then the
 * children, siblings sorted, exactly as the tree writer's `rest` writes them. Undefined for the shapes the tree
 * writer changes (…List and childEPCs groups, renamed XML elements, typed entries, XML text, nested arrays).
 */
import type { JsonValue } from '../model/types';
import { ID_KEYS, sortParts } from './hash-order';
import { isIgnoredKey, scalarText, type HashTreeBuilder } from './hash-tree';
import { canonicalValue } from './hash-values';

/** Names the tree builder renames (hash-tree.ts `renameNode`): left to it. */
const RENAMED = new Set(['inputEPC', 'outputEPC', 'inputQuantity', 'outputQuantity', 'childQuantity', 'quantity']);

/** A node outside the canonical order without children (`restPart`): its name even without text. */
export function namedText(name: string, text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${name}=${canonicalValue(trimmed)}` : name;
}

/** Whether a node of this name keeps its name and stands alone (no list group, no renaming). */
const plainName = (name: string): boolean => !name.endsWith('List') && name !== 'childEPCs' && !RENAMED.has(name);

/**
 * Adds to `out` the parts of the key `key` (value `value`) of an object without a field map, or returns false
 * (then nothing usable was added: the caller discards `out`).
 */
export function addPlainParts(key: string, value: JsonValue, builder: HashTreeBuilder, out: string[]): boolean {
  // A resolved key (`{iri}local`) is never a special name and ends like the key: test the key (already flat).
  if (!plainName(key)) return false;
  const name = builder.resolve(key, true);
  if (!Array.isArray(value)) return addNode(name, value, builder, out);
  for (const item of value) if (!addNode(name, item, builder, out)) return false;
  return true;
}

function addNode(name: string, value: JsonValue, builder: HashTreeBuilder, out: string[]): boolean {
  if (value === null || typeof value !== 'object') {
    out.push(namedText(name, typeof value === 'string' ? builder.resolve(value, false) : scalarText(value)));
    return true;
  }
  if (Array.isArray(value)) return false;
  const kids: string[] = [];
  for (const key of Object.keys(value)) {
    if (isIgnoredKey(key) && key !== '#text') continue;
    // XML text, or typed-entry ids (written unsorted): left to the tree writer.
    if (key === '#text' || ID_KEYS.has(key)) return false;
    if (!addPlainParts(key, value[key] as JsonValue, builder, kids)) return false;
  }
  if (kids.length > 1) sortParts(kids);
  out.push(name + kids.join(''));
  return true;
}
