/**
 * Namespace handling shared by the parser and the precomputed query fields: CURIE expansion and the one
 * canonical name of an extension field (EPCIS-DIGEST §b.2 "Parameter values can carry namespace prefixes";
 * EPCIS 1.2 §8.2.7.1 names an extension field `<namespace>#<localName>`, EPCIS 2.0 JSON-LD names it by CURIE).
 */

/** Prefixes of the EPCIS 2.0 JSON-LD context that may appear in values (epcis-context.jsonld). */
export const DEFAULT_PREFIXES: Readonly<Record<string, string>> = {
  gs1: 'https://gs1.org/voc/',
  cbv: 'https://ref.gs1.org/cbv/',
  epcis: 'https://ref.gs1.org/epcis/',
  cbvmda: 'urn:epcglobal:cbv:mda:',
};

const ABSOLUTE_IRI = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|urn:)/;

/** Expands `prefix:local` when the prefix is declared (own declarations first, then the defaults). */
export function expandCurie(value: string, namespaces: Readonly<Record<string, string>>): string {
  if (ABSOLUTE_IRI.test(value)) return value;
  const colon = value.indexOf(':');
  if (colon <= 0) return value;
  const prefix = value.slice(0, colon);
  const iri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : DEFAULT_PREFIXES[prefix];
  return iri === undefined ? value : iri + value.slice(colon + 1);
}

/** Joins a namespace and a local name the way JSON-LD expands a CURIE, adding `#` when the namespace has no separator. */
export const joinFieldName = (ns: string, local: string): string => (/[/#:]$/.test(ns) ? ns + local : `${ns}#${local}`);

/**
 * The canonical full name of an extension field given as a CURIE (`ex:temp`), a JSON-LD IRI
 * (`http://ns.example.com/epcis/temp`) or the EPCIS 1.2 form (`http://ns.example.com/epcis/#temp`).
 * Returns null when the name is not an extension field name (no `:`).
 */
export function canonicalFieldName(name: string, namespaces: Readonly<Record<string, string>>): string | null {
  const colon = name.indexOf(':');
  if (colon <= 0 || colon === name.length - 1) return null;
  if (ABSOLUTE_IRI.test(name)) {
    const hash = name.lastIndexOf('#');
    if (hash <= 0 || hash === name.length - 1) return name;
    return joinFieldName(name.slice(0, hash), name.slice(hash + 1));
  }
  const prefix = name.slice(0, colon);
  const iri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : undefined;
  return iri === undefined ? name : joinFieldName(iri, name.slice(colon + 1));
}

/**
 * Sets an own property even for `__proto__` (user-supplied prefixes and keys must stay inert data). Only `__proto__`
 * is an accessor of Object.prototype, so every other key is set by plain assignment (much cheaper, the same own,
 * enumerable, writable, configurable property).
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * The injected canonicalEpc, made total: an identifier it cannot read (a private URN, a malformed EPC, a
 * pattern) is compared in the form given, on both sides, instead of failing the capture or the query.
 */
export function totalCanonical(canonicalEpc: (uri: string) => string): (uri: string) => string {
  return (uri) => {
    try {
      return canonicalEpc(uri);
    } catch {
      return uri;
    }
  };
}
