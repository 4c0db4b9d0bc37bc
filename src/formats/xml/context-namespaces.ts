/**
 * The CURIE prefix -> IRI map declared by a JSON-LD document's `@context` (the objects in the context array;
 * remote context URLs contribute nothing here). Used to serialize a JSON-LD document as XML.
 */
import type { JsonValue } from '../../model/types';

export function namespacesFromContext(context: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of Array.isArray(context) ? context : [context]) {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) continue;
    for (const [prefix, iri] of Object.entries(c)) {
      if (typeof iri === 'string' && !prefix.startsWith('@')) {
        Object.defineProperty(out, prefix, { value: iri, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return out;
}
