/**
 * Capture job -> `epcis:EPCISCaptureJob` (EPCIS 2.0 REST binding, XSD EPCISCaptureJobType): attributes
 * captureID, running, success; elements captureErrorBehaviour, createdAt?, finishedAt?, then errors (one
 * `error` per RFC 7807 problem, only when there is at least one) or errorFile.
 */
import type { CaptureJobRecord, ProblemBody } from '../../model/types';
import { EPCIS_NS } from './epcis-namespaces';
import { XML_DECLARATION, XmlWriter } from './xml-writer';

export type CaptureJobXmlInput = Pick<
  CaptureJobRecord,
  'captureID' | 'running' | 'success' | 'captureErrorBehaviour' | 'createdAt' | 'finishedAt' | 'errors'
> & { errorFile?: string };

const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());

export function writeProblemFields(w: XmlWriter, p: ProblemBody): void {
  w.leaf('type', p.type).leaf('title', p.title);
  if (p.status !== undefined) w.leaf('status', String(p.status));
  if (p.detail !== undefined) w.leaf('detail', p.detail);
  if (p.instance !== undefined) w.leaf('instance', p.instance);
}

export function serializeCaptureJobXml(job: CaptureJobXmlInput): string {
  const w = new XmlWriter();
  w.open('epcis:EPCISCaptureJob', [
    ['xmlns:epcis', EPCIS_NS['2.0']],
    ['captureID', job.captureID],
    ['running', String(job.running)],
    ['success', String(job.success)],
  ]);
  w.leaf('captureErrorBehaviour', job.captureErrorBehaviour).leaf('createdAt', iso(job.createdAt));
  if (job.finishedAt) w.leaf('finishedAt', iso(job.finishedAt));
  if (job.errors.length > 0) {
    w.open('errors');
    for (const e of job.errors) {
      w.open('error');
      writeProblemFields(w, e);
      w.close('error');
    }
    w.close('errors');
  } else if (job.errorFile !== undefined) w.leaf('errorFile', job.errorFile);
  w.close('epcis:EPCISCaptureJob');
  return XML_DECLARATION + w.toString() + '\n';
}
