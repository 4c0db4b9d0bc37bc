/**
 * Small EPCIS 2.0 XML documents for the XSD validator's tests: one ObjectEvent with non-ASCII text (multi-byte UTF-8),
 * the same with an element the schema refuses, with its elements out of the schema's order (which the mapping
 * accepts: only the XSD refuses it), and not well-formed.
 */
import { serializeEpcisXml } from '../../src/formats/xml';
import { EXAMPLE_NS, epcisDocument, objectEvent } from './event-factory';

export const validXml = (i: number): string =>
  serializeEpcisXml(
    epcisDocument([objectEvent(i, { 'example:note': 'café 中文 𝄞' })]),
    { example: EXAMPLE_NS },
    { cbvFormat: 'Always_URN' },
  );
export const schemaInvalidXml = (i: number): string => validXml(i).replace('<action>', '<bogus>1</bogus><action>');
export const misorderedXml = (i: number): string =>
  validXml(i).replace(/(<epcList>[\s\S]*?<\/epcList>)(\s*)(<action>OBSERVE<\/action>)/, '$3$2$1');
export const malformedXml = (i: number): string => validXml(i).replace('</EPCISBody>', '');
