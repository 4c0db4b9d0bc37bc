/**
 * GS1 response headers (EPCIS 2.0 REST binding, openapi.yaml components/headers; EPCIS-DIGEST §a).
 */
import type { Response } from 'express';

export const EPCIS_VERSION = '2.0.0';
export const CBV_VERSION = '2.0.0';
export const VENDOR_VERSION = 'epcis-repository/0.1.0';

/** Headers on almost every non-OPTIONS response. */
export function setVersionHeaders(res: Response): void {
  res.setHeader('GS1-EPCIS-Version', EPCIS_VERSION);
  res.setHeader('GS1-CBV-Version', CBV_VERSION);
  res.setHeader('GS1-Extensions', '');
}

/** The standard discovery header set of OPTIONS responses (EPCIS-DIGEST §a "OPTIONS on every path"). */
export const DISCOVERY_HEADERS: Record<string, string> = {
  'GS1-EPCIS-Version': EPCIS_VERSION,
  'GS1-EPCIS-Min': '2.0.0',
  'GS1-EPCIS-Max': EPCIS_VERSION,
  'GS1-CBV-Version': CBV_VERSION,
  'GS1-CBV-Min': '2.0.0',
  'GS1-CBV-Max': CBV_VERSION,
  'GS1-EPC-Format': 'Always_GS1_Digital_Link',
  'GS1-CBV-XML-Format': 'Never_Translates',
  'GS1-Extensions': '',
  'GS1-Vendor-Version': VENDOR_VERSION,
};
