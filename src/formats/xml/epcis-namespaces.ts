/** XML namespaces of EPCIS 2.0 and 1.2 documents (EPCIS-DIGEST §e "XML documents"). */
export const EPCIS_NS = { '2.0': 'urn:epcglobal:epcis:xsd:2', '1.2': 'urn:epcglobal:epcis:xsd:1' } as const;
export const EPCISQ_NS = {
  '2.0': 'urn:epcglobal:epcis-query:xsd:2',
  '1.2': 'urn:epcglobal:epcis-query:xsd:1',
} as const;
export const EPCISMD_NS = {
  '2.0': 'urn:epcglobal:epcis-masterdata:xsd:2',
  '1.2': 'urn:epcglobal:epcis-masterdata:xsd:1',
} as const;
export const EPCGLOBAL_NS = 'urn:epcglobal:xsd:1';

/** The JSON-LD context URL put first in `@context` of every produced document (EPCIS-DIGEST §e). */
export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export type EpcisXmlVersion = '2.0' | '1.2';
export type EpcisXmlKind = 'EPCISDocument' | 'EPCISQueryDocument' | 'EPCISMasterDataDocument';

const ROOTS: Record<string, { kind: EpcisXmlKind; version: EpcisXmlVersion }> = {};
for (const version of ['2.0', '1.2'] as const) {
  ROOTS[`${EPCIS_NS[version]} EPCISDocument`] = { kind: 'EPCISDocument', version };
  ROOTS[`${EPCISQ_NS[version]} EPCISQueryDocument`] = { kind: 'EPCISQueryDocument', version };
  ROOTS[`${EPCISMD_NS[version]} EPCISMasterDataDocument`] = { kind: 'EPCISMasterDataDocument', version };
}

export function classifyRoot(ns: string, local: string): { kind: EpcisXmlKind; version: EpcisXmlVersion } | undefined {
  const key = `${ns} ${local}`;
  return Object.prototype.hasOwnProperty.call(ROOTS, key) ? ROOTS[key] : undefined;
}
