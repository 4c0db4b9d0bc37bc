/**
 * RFC 7807 problem -> problem+xml `epcis:EPCISException` (EPCIS-DIGEST §c "Error model"; XSD
 * RFC7807ProblemResponseBodyType: type, title, status?, detail?, instance?).
 */
import type { ProblemBody } from '../../model/types';
import { writeProblemFields } from './capture-job-xml';
import { EPCIS_NS } from './epcis-namespaces';
import { XML_DECLARATION, XmlWriter } from './xml-writer';

export function serializeProblemXml(problem: ProblemBody): string {
  const w = new XmlWriter();
  w.open('epcis:EPCISException', [['xmlns:epcis', EPCIS_NS['2.0']]]);
  writeProblemFields(w, problem);
  w.close('epcis:EPCISException');
  return XML_DECLARATION + w.toString() + '\n';
}
