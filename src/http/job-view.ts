/** The CaptureJob resource as clients see it (EPCIS 2.0 REST binding, components/schemas/CaptureJob). */
import type { CaptureJobRecord, JsonObject } from '../model/types';

export function jobView(job: CaptureJobRecord): JsonObject {
  const view: JsonObject = {
    captureID: job.captureID,
    createdAt: job.createdAt.toISOString(),
  };
  if (job.finishedAt) view['finishedAt'] = job.finishedAt.toISOString();
  Object.assign(view, {
    running: job.running,
    success: job.success,
    captureErrorBehaviour: job.captureErrorBehaviour,
    errors: job.errors as unknown as JsonObject[],
    // Beyond the standard's minimum ("at least the following properties"): what the capture did.
    eventCount: job.eventCount,
    storedEventCount: job.storedCount,
    alreadyStoredEventCount: job.duplicateCount,
  });
  return view;
}
