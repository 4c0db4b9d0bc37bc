/**
 * Entry point of XML capture: EPCIS 2.0 / 1.2 XML -> the canonical model (the EPCIS 2.0 JSON document plus the
 * namespace map of its CURIE prefixes). Hardening first (xml-limits.ts), then a namespace-aware tree, then the
 * mapping of EPCIS-DIGEST §f. Every failure is an EpcisError('ValidationException').
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject } from '../../model/types';
import { documentFromXml } from './document-from-xml';
import { classifyRoot, type EpcisXmlKind, type EpcisXmlVersion } from './epcis-namespaces';
import { checkXmlPrologue, resolveLimits, type XmlLimits } from './xml-limits';
import { NamespaceRegistry } from './namespace-registry';
import type { XmlElement } from './xml-node';
import { buildTreeWithSaxes } from './xml-tree-saxes';
import { buildTreeWithXml2js } from './xml-tree-xml2js';

export interface ParsedXmlDocument {
  kind: EpcisXmlKind;
  /** The XML binding the document used; a 1.2 document is upgraded to the 2.0 model. */
  epcisVersion: EpcisXmlVersion;
  /** EPCIS 2.0 JSON form (with `@context`), as a JSON-LD client would have sent it. */
  document: JsonObject;
  /** CURIE prefix -> namespace IRI for every prefix used in extension keys (verbatim XML namespace strings). */
  namespaces: Record<string, string>;
  /** The SBDH, if the document carried one (local names as keys). */
  sbdh?: JsonObject;
}

export interface ParseXmlOptions extends XmlLimits {
  /** Tree builder: 'saxes' (default, fast) or 'xml2js' (reference). Both give the same result. */
  parser?: 'saxes' | 'xml2js';
}

export async function parseEpcisXml(xml: string, options?: ParseXmlOptions): Promise<ParsedXmlDocument> {
  const limits = resolveLimits(options);
  checkXmlPrologue(xml, limits);
  const root = options?.parser === 'xml2js' ? await buildTreeWithXml2js(xml, limits) : buildTreeWithSaxes(xml, limits);
  return mapXmlTree(root);
}

/** Maps an already built tree (exported for the tests that compare the two tree builders). */
export function mapXmlTree(root: XmlElement): ParsedXmlDocument {
  const cls = classifyRoot(root.ns, root.local);
  if (!cls) {
    throw validationError(
      `Not an EPCIS document: root element {${root.ns}}${root.local}; expected EPCISDocument, ` +
        'EPCISQueryDocument or EPCISMasterDataDocument in an EPCIS 2.0 (urn:epcglobal:epcis*:xsd:2) ' +
        'or 1.2 (…:xsd:1) namespace',
    );
  }
  const reg = new NamespaceRegistry();
  if (cls.version === '1.2') reg.legacyNamespace = root.ns;
  const { document, sbdh } = documentFromXml(root, cls.kind, cls.version, reg);
  const parsed: ParsedXmlDocument = {
    kind: cls.kind,
    epcisVersion: cls.version,
    document,
    namespaces: reg.namespaces(),
  };
  if (sbdh) parsed.sbdh = sbdh;
  return parsed;
}
