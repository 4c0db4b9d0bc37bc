/**
 * Namespace prefixes declared by the EPCIS JSON-LD context (EPCIS-DIGEST §e "JSON-LD context": epcis, cbv, cbvmda,
 * gs1 and the W3C prefixes rdfs, owl, xsd, dcterms).
 */
import type { EpcisContextVariant } from './context-variants';

/** Namespace prefixes of the EPCIS context, except `gs1`, which depends on the version. */
export const EPCIS_FIXED_PREFIXES = {
  epcis: 'https://ref.gs1.org/epcis/',
  cbv: 'https://ref.gs1.org/cbv/',
  cbvmda: 'urn:epcglobal:cbv:mda:',
} as const;

export const W3C_PREFIXES = {
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
} as const;

/** All prefixes the EPCIS context declares (the namespace map every analysed document starts from). */
export const standardPrefixes = (variant: EpcisContextVariant): Record<string, string> => ({
  ...EPCIS_FIXED_PREFIXES,
  gs1: variant.gs1Namespace,
  ...W3C_PREFIXES,
});
