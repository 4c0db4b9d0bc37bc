/**
 * JSON CURIE keys -> XML qualified names for serialization (EPCIS-DIGEST §f rule 8, reverse direction).
 * The IRI of a prefix comes from the document's namespace map, else from the EPCIS JSON-LD context; `cbvmda`
 * is written with the XML namespace `urn:epcglobal:cbv:mda`. A full-IRI key is split at its last `#`, `/` or `:`.
 * Every namespace used is declared once, on the root element.
 */
import { validationError } from '../../errors/epcis-errors';
import { CBVMDA_XML_NS, CONTEXT_PREFIXES } from './namespace-registry';

/** Prefixes the serializer itself uses on the root element: extension namespaces must not take them. */
const RESERVED_XML_PREFIXES = new Set(['epcis', 'epcisq', 'epcismd', 'epcglobal', 'sbdh', 'xsi', 'xml', 'xmlns']);
const NCNAME = /^[A-Za-z_][\w.-]*$/;

export class NamespaceWriter {
  private readonly prefixByIri = new Map<string, string>();
  private readonly iriByPrefix = new Map<string, string>();

  constructor(private readonly namespaces: Record<string, string>) {}

  private iriOf(prefix: string): string | undefined {
    if (prefix === 'cbvmda') return CBVMDA_XML_NS;
    if (Object.prototype.hasOwnProperty.call(this.namespaces, prefix)) return this.namespaces[prefix];
    if (Object.prototype.hasOwnProperty.call(CONTEXT_PREFIXES, prefix)) return CONTEXT_PREFIXES[prefix];
    return undefined;
  }

  private xmlPrefix(iri: string, wanted: string): string {
    const known = this.prefixByIri.get(iri);
    if (known !== undefined) return known;
    let p = NCNAME.test(wanted) && !RESERVED_XML_PREFIXES.has(wanted.toLowerCase()) ? wanted : `ns_${wanted}`;
    if (!NCNAME.test(p)) p = 'ns';
    let n = 1;
    const base = p;
    while (this.iriByPrefix.has(p)) p = `${base}${++n}`;
    this.prefixByIri.set(iri, p);
    this.iriByPrefix.set(p, iri);
    return p;
  }

  /** True when a JSON key is an extension key (CURIE or IRI), false for a bare (standard) name. */
  static isExtensionKey(key: string): boolean {
    return key.includes(':');
  }

  /** The XML qualified name of a JSON key: unqualified for a bare name, `p:local` for a CURIE or IRI. */
  qname(key: string): string {
    const colon = key.indexOf(':');
    if (colon < 0) return key;
    const prefix = key.slice(0, colon);
    const local = key.slice(colon + 1);
    const iri = this.iriOf(prefix);
    if (iri !== undefined && NCNAME.test(local)) return `${this.xmlPrefix(iri, prefix)}:${local}`;
    const cut = Math.max(key.lastIndexOf('#'), key.lastIndexOf('/'), key.lastIndexOf(':')) + 1;
    const tail = key.slice(cut);
    if (iri === undefined && /^[a-z][a-z0-9+.-]*:/i.test(key) && cut > colon + 1 && NCNAME.test(tail)) {
      return `${this.xmlPrefix(key.slice(0, cut), 'ext')}:${tail}`;
    }
    throw validationError(
      iri === undefined
        ? `The extension key "${key}" uses the prefix "${prefix}", whose namespace is not declared`
        : `The extension key "${key}" cannot be written as an XML name`,
    );
  }

  /** `xmlns:p="iri"` attributes for every namespace used so far. */
  declarations(): [string, string][] {
    return [...this.iriByPrefix].map(([p, iri]) => [`xmlns:${p}`, iri]);
  }
}
