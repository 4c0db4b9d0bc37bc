/**
 * The fast path of `@context` analysis: decides the common shape without running jsonld.js
 * (SECURITY-AND-PERFORMANCE-NOTES 1.2.9 "consider not calling jsonld at all on the hot path").
 *
 * Handled shape (EPCIS-DIGEST §e "Extensions"): one EPCIS context URL first, then plain objects whose keys are simple
 * names and whose values are absolute IRIs, e.g.
 * `["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"example": "http://ns.example.com/epcis/"}]`.
 * For that shape the JSON-LD 1.1 context processing outcome is known in advance:
 * - a name that the EPCIS context does not define becomes an unprotected term (a namespace prefix);
 * - a name the EPCIS context defines is `@protected`: re-declaring a standard prefix with the same IRI is a no-op,
 *   any different definition is a "protected term redefinition" error (JSON-LD 1.1 §4.1.11).
 * Anything else returns `undefined` and the caller runs the full jsonld.js path. The unit tests check that both
 * paths agree on the GS1 examples and on generated contexts.
 */
import { buildEpcisContext } from './context-builder';
import { standardPrefixes } from './context-prefixes';
import { EPCIS_CONTEXT_VARIANTS } from './context-variants';
import { isPlainObject } from './context-precheck';
import { validationError } from '../../errors/epcis-errors';

/** A simple term name: no `:` (not a CURIE or IRI), not a keyword. */
const SIMPLE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** An absolute IRI as jsonld.js recognises one (`scheme:` followed by no whitespace). */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+.-]*):(\S*)$/;

interface BaseTerms {
  /** Top-level terms of the EPCIS context: name -> raw definition. */
  definitions: Map<string, unknown>;
  prefixes: Record<string, string>;
}

const baseTermsByUrl = new Map<string, BaseTerms>();

function baseTerms(url: string): BaseTerms | undefined {
  const cached = baseTermsByUrl.get(url);
  if (cached) return cached;
  const variant = EPCIS_CONTEXT_VARIANTS[url];
  // The legacy simple context (`@vocab`-based) is left to jsonld.js.
  if (!variant || variant.style !== 'full') return undefined;
  const context = buildEpcisContext(variant)['@context'] as Record<string, unknown>;
  const terms: BaseTerms = {
    definitions: new Map(Object.entries(context).filter(([name]) => !name.startsWith('@'))),
    prefixes: standardPrefixes(variant),
  };
  baseTermsByUrl.set(url, terms);
  return terms;
}

/** The message used by both paths when an inline context redefines a protected EPCIS term. */
export const protectedTermMessage = (term: string): string =>
  `@context redefines the protected EPCIS term or prefix "${term}" (the EPCIS JSON-LD context is @protected); ` +
  'declare extension namespaces under other prefixes';

/**
 * Returns the namespace map (standard EPCIS prefixes plus declared prefixes) when the context has the fast shape,
 * throws a ValidationException when that shape certainly fails JSON-LD processing, and returns `undefined` when
 * only jsonld.js can decide. The context must have passed `precheckContext`.
 */
export function fastAnalyseContext(context: unknown): Record<string, string> | undefined {
  const entries = Array.isArray(context) ? context : [context];
  const [first, ...rest] = entries;
  if (typeof first !== 'string') return undefined;
  const base = baseTerms(first);
  if (!base) return undefined;
  if (!rest.every(isPlainObject)) return undefined;
  const objects = rest as Record<string, unknown>[];

  const declaredNames = new Set<string>();
  for (const object of objects) {
    for (const [name, value] of Object.entries(object)) {
      if (!SIMPLE_NAME.test(name) || typeof value !== 'string') return undefined;
      declaredNames.add(name);
    }
  }

  const namespaces: Record<string, string> = { ...base.prefixes };
  for (const object of objects) {
    for (const [name, value] of Object.entries(object) as [string, string][]) {
      const iri = ABSOLUTE_IRI.exec(value);
      if (!iri) return undefined;
      const [, scheme = '', rest] = iri;
      // `scheme:rest` is a compact IRI when its scheme is a term, unless rest starts with `//` (JSON-LD 1.1 §6.3).
      const compact = !rest?.startsWith('//') && (base.definitions.has(scheme) || declaredNames.has(scheme));
      if (compact) return undefined;
      if (base.definitions.has(name)) {
        if (base.prefixes[name] === value) continue; // same definition as the protected prefix: allowed, no change
        if (typeof base.definitions.get(name) === 'string' && !(name in base.prefixes)) return undefined;
        throw validationError(protectedTermMessage(name));
      }
      namespaces[name] = value;
    }
  }
  return namespaces;
}
