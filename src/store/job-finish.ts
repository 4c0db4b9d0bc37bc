/**
 * The end of a capture job (EPCIS 2.0 REST binding, CaptureJob; EPCIS-DIGEST "Capture job resource"): the fields both store
 * adapters set on a CaptureJobRecord when the job finishes (`running` becomes false).
 */
import type { CaptureJobRecord, ProblemBody } from '../model/types';

export type JobFinish = Pick<CaptureJobRecord, 'success' | 'errors' | 'storedCount' | 'duplicateCount'> & {
  finishedAt: Date;
};

/**
 * A job that ends with none of its events stored: failed before its commit, rolled back (`rollback` behaviour,
 * where `duplicateCount` still reports the events found already stored), or interrupted by a restart.
 */
export function failedJobFinish(errors: ProblemBody[], finishedAt: Date, duplicateCount = 0): JobFinish {
  return { success: false, errors, finishedAt, storedCount: 0, duplicateCount };
}
