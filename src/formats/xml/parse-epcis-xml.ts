/**
 * Entry point of XML capture: EPCIS 2.0 / 1.2 XML -> the canonical model (the EPCIS 2.0 JSON document plus the
 * namespace map of its CURIE prefixes). Hardening first (xml-limits.ts), then a namespace-aware tree, then the
 * mapping of EPCIS-DIGEST §f. Every failure is an EpcisError('ValidationException').
 */
import { validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { documentFromXml, mapEventElement } from './document-from-xml';
import { classifyRoot, type EpcisXmlKind, type EpcisXmlVersion } from './epcis-namespaces';
import { checkXmlPrologue, resolveLimits, type XmlLimits } from './xml-limits';
import { NamespaceRegistry } from './namespace-registry';
import type { XmlElement } from './xml-node';
import { FastScanRefused } from './xml-fast-scanner';
import { buildTreeYielding } from './xml-tree-saxes';
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
  /**
   * Tree builder: 'fast' (default: xml-fast-scanner.ts, which leaves any document it does not handle to saxes),
   * 'saxes' or 'xml2js' (reference). All give the same result.
   */
  parser?: 'fast' | 'saxes' | 'xml2js';
}

/**
 * `xml`: the document's text, or its UTF-8 bytes (as received: the saxes path then decodes them chunk by chunk and
 * never holds the whole text as one string, EPCIS-DIGEST §e "XML documents": UTF-8).
 */
export async function parseEpcisXml(xml: string | Uint8Array, options?: ParseXmlOptions): Promise<ParsedXmlDocument> {
  const limits = resolveLimits(options);
  checkXmlPrologue(xml, limits);
  if (options?.parser === 'xml2js') {
    const text = typeof xml === 'string' ? xml : new TextDecoder('utf-8', { fatal: true }).decode(xml);
    return mapXmlTree(await buildTreeWithXml2js(text, limits), new NamespaceRegistry());
  }
  if (options?.parser === 'saxes') return streamXml(xml, limits, 'saxes');
  try {
    return await streamXml(xml, limits, 'fast');
  } catch (error) {
    // What the fast scanner does not handle, saxes parses from the start (or says what is wrong with it).
    if (error instanceof FastScanRefused) return streamXml(xml, limits, 'saxes');
    throw error;
  }
}

/**
 * Streaming path: each event is mapped when it closes and its subtree dropped. The root is checked before the
 * first event is mapped, so a foreign document is refused with the same message.
 */
async function streamXml(
  xml: string | Uint8Array,
  limits: Required<XmlLimits>,
  scanner: 'fast' | 'saxes',
): Promise<ParsedXmlDocument> {
  const reg = new NamespaceRegistry();
  const streamed: JsonValue[] = [];
  let checked = false;
  const onEvent = (el: XmlElement, top: XmlElement): void => {
    if (!checked) {
      checked = true;
      prepareRegistry(classify(top), reg);
    }
    streamed.push(mapEventElement(el, reg));
  };
  const root = await buildTreeYielding(xml, limits, onEvent, undefined, scanner);
  return mapXmlTree(root, reg, streamed);
}

/** Maps an already built tree (`streamed`: the events the streaming path already mapped, with `reg`). */
export function mapXmlTree(root: XmlElement, reg = new NamespaceRegistry(), streamed?: JsonValue[]): ParsedXmlDocument {
  const cls = classify(root);
  prepareRegistry(cls, reg);
  const { document, sbdh } = documentFromXml(root, cls.kind, cls.version, reg, streamed);
  const parsed: ParsedXmlDocument = {
    kind: cls.kind,
    epcisVersion: cls.version,
    document,
    namespaces: reg.namespaces(),
  };
  if (sbdh) parsed.sbdh = sbdh;
  return parsed;
}

interface RootClass {
  kind: EpcisXmlKind;
  version: EpcisXmlVersion;
  ns: string;
}

function classify(root: { ns: string; local: string }): RootClass {
  const cls = classifyRoot(root.ns, root.local);
  if (!cls) {
    throw validationError(
      `Not an EPCIS document: root element {${root.ns}}${root.local}; expected EPCISDocument, ` +
        'EPCISQueryDocument or EPCISMasterDataDocument in an EPCIS 2.0 (urn:epcglobal:epcis*:xsd:2) ' +
        'or 1.2 (…:xsd:1) namespace',
    );
  }
  return { ...cls, ns: root.ns };
}

/** EPCIS 1.2 `##local` extension content keeps the 1.2 EPCIS namespace (event-from-xml.ts). */
function prepareRegistry(cls: RootClass, reg: NamespaceRegistry): void {
  if (cls.version === '1.2') reg.legacyNamespace = cls.ns.replace(/-(query|masterdata):/, ':');
}
