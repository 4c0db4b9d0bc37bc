/**
 * POST /capture, GET /capture, GET /capture/{captureID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §d).
 */
import type { Request, Response } from 'express';
import { EpcisError, noSuchResource, validationError } from '../../errors/epcis-errors';
import type { CaptureErrorBehaviour, JsonObject, JsonValue } from '../../model/types';
import type { BegunCapture } from '../../capture/capture-service';
import type { ParsedXmlDocument } from '../../formats/xml';
import { setVersionHeaders } from '../gs1-headers';
import { jobView } from '../job-view';
import { negotiate } from '../negotiation';
import { announceNextPage, readPageRequest } from '../pagination';
import { principalOf } from '../principal';
import { bodyFormat, jsonText, parseJsonBody, takeBody } from '../request-body';
import { readXmlBody } from '../xml-body';
import { bodyBytes, releaseBody } from '../body-release';
import { learnCompanyPrefixes } from '../../formats/epc-format';
import { documentParts } from '../../capture/document-parts';
import { serializeCaptureJobXml } from '../../formats/xml';
import type { Services } from '../services';

/** GS1-Capture-Error-Behaviour: `rollback` (default) or `proceed`; `all` is only announced by servers. */
function captureErrorBehaviour(req: Request): CaptureErrorBehaviour {
  const value = req.headers['gs1-capture-error-behaviour'];
  if (value === undefined) return 'rollback';
  const normalised = String(value).trim().toLowerCase();
  if (normalised === 'rollback' || normalised === 'proceed') return normalised;
  throw validationError(`GS1-Capture-Error-Behaviour must be "rollback" or "proceed", not "${String(value)}".`);
}

export const captureLimitHeaders = (services: Services): Record<string, string> => ({
  'GS1-EPCIS-Capture-Limit': String(services.config.capture.maxEvents),
  'GS1-EPCIS-Capture-File-Size-Limit': String(services.config.capture.maxBytes),
  'GS1-Capture-Error-Behaviour': 'all',
});

export async function postCapture(req: Request, res: Response, services: Services): Promise<void> {
  if (services.shuttingDown) throw new EpcisError('ServiceUnavailableException', 'The server is shutting down.');
  const format = bodyFormat(req, ['json', 'xml']);
  const behaviour = captureErrorBehaviour(req);
  const owner = principalOf(req);
  // An XML document's events are validated and prepared while its schema validation runs in its worker; the work
  // is dropped if the document is refused. A problem found by `begin` is left for `submit` to report, after the
  // schema's verdict, as before.
  let begun: BegunCapture | undefined;
  const startEarly = (parsed: ParsedXmlDocument) => {
    try {
      begun = services.capture.begin(parsed.document, { behaviour, owner, namespaces: parsed.namespaces });
    } catch {
      begun = undefined;
    }
  };
  let received: { document: JsonObject; namespaces: Record<string, string>; json?: Uint8Array };
  const receivedBytes = bodyBytes(req.body);
  // A large JSON document's events are validated in a worker while this thread parses and prepares them; a document
  // refused from here on drops the worker's job (here, or in CaptureService.begin and submit).
  const verdicts = format === 'json' ? services.eventChecks(req.body) : undefined;
  try {
    received =
      format === 'xml' ? await readXmlBody(takeBody(req), services, startEarly) : await readJsonDocument(req, services);
  } catch (error) {
    begun?.cancel();
    verdicts?.cancel();
    releaseBody(receivedBytes); // the body is refused: nothing refers to it any more (body-release.ts)
    throw error;
  }
  // An XML body is read: nothing refers to it any more. A JSON body goes on with the capture, to the store
  // (CaptureRequest.json), and is let go when the capture ends.
  if (format === 'xml') releaseBody(receivedBytes);
  const { document, namespaces, json } = received;
  learnCompanyPrefixes(documentParts(document).events, services.companyPrefixes);
  // New prefix lengths are stored alongside the job, before the 202 (a failed write is logged, never fatal).
  const prefixesSaved = services.prefixMemory.flush();
  const job = await services.capture.submit(document, { behaviour, owner, namespaces, verdicts, json }, begun);
  await prefixesSaved;
  setVersionHeaders(res);
  res
    .status(202)
    .location(`/capture/${encodeURIComponent(job.captureID)}`)
    .end();
}

async function readJsonDocument(req: Request, services: Services) {
  const body = takeBody(req);
  const document = parseJsonBody(body, services.config.capture.maxDepth);
  const type = document['type'];
  if (type !== 'EPCISDocument' && type !== 'EPCISQueryDocument')
    throw validationError(
      `POST /capture takes an EPCISDocument or an EPCISQueryDocument, not type ${JSON.stringify(type)}.`,
    );
  const { namespaces } = await services.analyseContext(document['@context'], document);
  return { document, namespaces, json: jsonText(body as Buffer) };
}

export async function getCaptureJob(req: Request, res: Response, services: Services): Promise<void> {
  const format = negotiate(req.headers.accept, ['json', 'xml']);
  const captureID = String(req.params['captureID']);
  const job = await services.store.getJob(captureID);
  if (!job) throw noSuchResource(`No capture job ${captureID}.`);
  setVersionHeaders(res);
  if (format === 'xml') res.type('application/xml').send(serializeCaptureJobXml(job));
  else res.json(jobView(job));
}

export async function listCaptureJobs(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  const { perPage, token } = readPageRequest(req, services);
  const scope = 'capture-jobs';
  const position = token ? services.pageTokens.read(token, scope) : null;
  const after = position ? { createdAt: new Date(String(position[0])), captureID: String(position[1]) } : undefined;
  const jobs = await services.store.listJobs({ ...(after ? { after } : {}), limit: perPage + 1 });
  const page = jobs.slice(0, perPage);
  const last = page[page.length - 1];
  const next: JsonValue[] | null =
    jobs.length > perPage && last ? [last.createdAt.toISOString(), last.captureID] : null;
  announceNextPage(req, res, services, perPage, next, scope);
  setVersionHeaders(res);
  res.json(page.map(jobView));
}
