/**
 * XML namespace URI <-> JSON-LD CURIE prefix, per document (EPCIS-DIGEST §f rule 8).
 * - The namespace string is kept verbatim (`http://ns.example.com/epcis` stays without a trailing slash).
 * - The XML prefix is reused; a prefix is invented (`ext1`, `ext2`, ...) when the namespace is the default
 *   namespace, when the prefix is a protected prefix of the EPCIS JSON-LD context bound to another IRI, or when
 *   another namespace in the same document already took it.
 * - Special case: `urn:epcglobal:cbv:mda` (XML) is the context's protected `cbvmda:` (`urn:epcglobal:cbv:mda:`).
 */
import { standardPrefixes } from '../jsonld/context-prefixes';
import { EPCIS_CONTEXT_2_0_0, EPCIS_CONTEXT_VARIANTS } from '../jsonld/context-variants';

/**
 * Prefixes defined (and protected) by the EPCIS 2.0 JSON-LD context (EPCIS-DIGEST §e "JSON-LD context"), with the
 * 2.0.0 `gs1` namespace.
 */
export const CONTEXT_PREFIXES: Readonly<Record<string, string>> = standardPrefixes(
  EPCIS_CONTEXT_VARIANTS[EPCIS_CONTEXT_2_0_0]!,
);

/** The XML spelling of the cbvmda namespace used by GS1 XML examples and the CBV. */
export const CBVMDA_XML_NS = 'urn:epcglobal:cbv:mda';

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Terms the (protected) EPCIS 2.0 JSON-LD context defines besides its prefixes: a document context that reused
 * one as a prefix would be a protected term redefinition (EPCIS-DIGEST §e "Extensions"), so such XML prefixes
 * are replaced by invented ones. Compared case-sensitively, as JSON-LD terms are.
 */
const CONTEXT_TERMS = new Set([
  'id',
  'type',
  'baseURL',
  'ObjectEvent',
  'AggregationEvent',
  'TransformationEvent',
  'AssociationEvent',
  'TransactionEvent',
  'Collection',
  'member',
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'action',
  'certificationInfo',
  'bizStep',
  'disposition',
  'bizLocation',
  'readPoint',
  'transformationID',
  'epcList',
  'sourceList',
  'destinationList',
  'persistentDisposition',
  'quantity',
  'epcClass',
  'uom',
  'quantityList',
  'bizTransactionList',
  'parentID',
  'childEPCs',
  'childQuantityList',
  'inputEPCList',
  'outputEPCList',
  'inputQuantityList',
  'outputQuantityList',
  'sensorElementList',
  'errorDeclaration',
  'eventID',
  'creationDate',
  'sender',
  'receiver',
  'instanceIdentifier',
  'schemaVersion',
  'ilmd',
  'EPCISDocument',
  'EPCISQueryDocument',
  'epcisHeader',
  'masterData',
  'vocabularyList',
  'epcisBody',
  'queryResults',
  'subscriptionID',
  'queryName',
  'resultsBody',
  'eventList',
  'children',
]);
const RESERVED = new Set(['xml', 'xmlns', '_']);

export class NamespaceRegistry {
  private readonly byUri = new Map<string, string>();
  private readonly byPrefix = new Map<string, string>();
  private counter = 0;

  /** Set for EPCIS 1.2 input: the namespace given to 1.2 `##local` extension content (event-from-xml.ts). */
  legacyNamespace: string | undefined;

  /** The JSON CURIE prefix for an XML namespace URI, given the prefix the XML used for it. */
  prefixFor(uri: string, xmlPrefix: string): string {
    const known = this.byUri.get(uri);
    if (known !== undefined) return known;
    let prefix: string | undefined;
    if (uri === CBVMDA_XML_NS || uri === CONTEXT_PREFIXES.cbvmda) prefix = 'cbvmda';
    else {
      prefix = Object.keys(CONTEXT_PREFIXES).find((p) => CONTEXT_PREFIXES[p] === uri);
      if (
        prefix === undefined &&
        NCNAME.test(xmlPrefix) &&
        !RESERVED.has(xmlPrefix.toLowerCase()) &&
        !CONTEXT_TERMS.has(xmlPrefix) &&
        !(xmlPrefix in CONTEXT_PREFIXES) &&
        !this.byPrefix.has(xmlPrefix)
      ) {
        prefix = xmlPrefix;
      }
    }
    if (prefix === undefined || (this.byPrefix.has(prefix) && this.byPrefix.get(prefix) !== uri)) {
      do prefix = `ext${++this.counter}`;
      while (this.byPrefix.has(prefix) || prefix in CONTEXT_PREFIXES);
    }
    this.byUri.set(uri, prefix);
    if (!this.byPrefix.has(prefix)) this.byPrefix.set(prefix, uri);
    return prefix;
  }

  /** `prefix:local` for a namespaced name; the bare local name for a name in no namespace. */
  curie(uri: string, xmlPrefix: string, local: string): string {
    return uri === '' ? local : `${this.prefixFor(uri, xmlPrefix)}:${local}`;
  }

  /** Every prefix used so far -> its IRI (cbvmda with the context's trailing colon). */
  namespaces(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [p, uri] of this.byPrefix) {
      Object.defineProperty(out, p, {
        value: p === 'cbvmda' ? CONTEXT_PREFIXES.cbvmda : uri,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  /** The prefixes the document's `@context` must declare (the context's own prefixes are excluded). */
  contextPrefixes(): Record<string, string> {
    const all = this.namespaces();
    for (const p of Object.keys(CONTEXT_PREFIXES)) if (all[p] === CONTEXT_PREFIXES[p]) delete all[p];
    return all;
  }
}
