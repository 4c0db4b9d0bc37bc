/**
 * CBV value forms in XML output (EPCIS-DIGEST §f rule 6; EPCIS 2.0 REST binding `GS1-CBV-XML-Format`): XML carries
 * CBV URNs (or Web URIs), JSON bare words. The forms themselves are src/cbv/cbv-values.ts; this file only maps the
 * header values onto them. Reading XML needs no rule of its own: `toBareWord` accepts every form.
 */
import { type CbvValueVocabulary, cbvWord, convertCbvValue } from '../../cbv/cbv-values';

/** `GS1-CBV-XML-Format` header values (EPCIS 2.0 REST binding). */
export const CBV_XML_FORMATS = ['Always_URN', 'Always_Web_URI', 'No_Preference', 'Never_Translates'] as const;
export type CbvXmlFormat = (typeof CBV_XML_FORMATS)[number];

/**
 * JSON value -> XML form for the requested format: Always_Web_URI writes Web URIs, the others URNs (`gs1:` CURIEs
 * for measurement and sensor alert types). Never_Translates keeps a URN or Web URI as it was written; a bare word
 * still becomes a URN (a bare word is no valid XML value). Non-standard values pass through unchanged.
 */
export function cbvXmlValue(vocabulary: CbvValueVocabulary, value: string, format: CbvXmlFormat): string {
  const word = cbvWord(vocabulary, value);
  if (word === undefined || (format === 'Never_Translates' && word !== value)) return value;
  return convertCbvValue(vocabulary, word, format === 'Always_Web_URI' ? 'web' : 'urn');
}
