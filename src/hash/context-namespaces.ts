/**
 * The CURIE prefixes a JSON-LD document declares in its `@context` (EPCIS-DIGEST §e "Extensions"): the map the
 * event hash resolves extension keys with (§h rule 9). Like the reference implementation, only the object entries
 * of a context array whose value is a string IRI count; a remote context URL declares nothing here.
 */
import type { JsonValue } from '../model/types';

export function contextNamespaces(context: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of Array.isArray(context) ? context : []) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const [prefix, iri] of Object.entries(entry)) {
      if (typeof iri === 'string' && !prefix.startsWith('@')) {
        Object.defineProperty(out, prefix, { value: iri, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return out;
}
