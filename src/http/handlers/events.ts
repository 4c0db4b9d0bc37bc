/**
 * GET /events (all events, paginated; the full SimpleEventQuery language is the query module's), POST /events
 * (one event, synchronous) and GET /events/{eventID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §a, §d).
 */
import type { Request, Response } from 'express';
import { noSuchResource, queryParameterError, resourceExists, validationError } from '../../errors/epcis-errors';
import { documentParts } from '../../capture/document-parts';
import { readXmlBody } from '../xml-body';
import { readEpcFormat, renderIdentifiers } from '../../formats/epc-format';
import { renderEvents, responseContext } from '../../formats/jsonld/query-document';
import { sendEventsDocument } from '../event-response';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import { scopeOf } from '../page-token';
import { announceNextPage, readPageRequest } from '../pagination';
import { principalOf } from '../principal';
import { bodyFormat, parseJsonBody } from '../request-body';
import type { Services } from '../services';

const PAGING_PARAMS = new Set(['perPage', 'nextPageToken']);

export async function getEvents(req: Request, res: Response, services: Services): Promise<void> {
  for (const name of Object.keys(req.query as Record<string, unknown>)) {
    if (!PAGING_PARAMS.has(name))
      throw queryParameterError(`Query parameter ${name} is not supported by this server version.`);
  }
  const { perPage, token } = readPageRequest(req, services);
  const scope = scopeOf({ path: 'events' });
  const after = token ? services.pageTokens.read(token, scope) : null;
  const page = await services.reader.page({}, perPage, after);
  announceNextPage(req, res, services, perPage, page.next, scope);
  sendEventsDocument(req, res, services, page.events);
}

export async function getEventById(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json', 'xml']);
  const eventID = String(req.params['eventID']);
  const events = await services.reader.byEventID(eventID);
  if (events.length === 0) throw noSuchResource(`No event with eventID ${eventID}.`);
  sendEventsDocument(req, res, services, events);
}

/** The one event of a POST /events body: a JSON-LD event with its @context, or an XML document holding one event. */
async function readSingleEvent(req: Request, services: Services) {
  if (bodyFormat(req, ['json', 'xml']) === 'json') {
    const event = parseJsonBody(req.body, services.config.capture.maxDepth);
    const { namespaces } = await services.analyseContext(event['@context'], event);
    return { event, namespaces };
  }
  const parsed = await readXmlBody(req.body, services);
  const [event, ...more] = documentParts(parsed.document).events;
  if (!event || more.length > 0 || typeof event !== 'object' || Array.isArray(event) || event === null)
    throw validationError(
      'POST /events takes exactly one event; an XML body must be an EPCIS document with one event.',
    );
  return { event: { '@context': parsed.document['@context'] ?? null, ...event }, namespaces: parsed.namespaces };
}

export async function postEvent(req: Request, res: Response, services: Services): Promise<void> {
  const responseFormat = negotiate(req.headers.accept, ['json', 'xml']);
  const epcFormat = readEpcFormat(req.headers['gs1-epc-format']);
  const { event, namespaces } = await readSingleEvent(req, services);
  const { stored, status, recordTime } = await services.capture.captureOne(event, {
    owner: principalOf(req),
    namespaces,
  });
  if (status !== 'stored')
    throw resourceExists(
      status === 'identical'
        ? `An identical event with eventID ${stored.eventID} is already stored.`
        : `A different event with eventID ${stored.eventID} is already stored.`,
    );
  res.status(201).location(`/events/${encodeURIComponent(stored.eventID)}`);
  if (responseFormat === 'xml') return sendEventsDocument(req, res, services, [{ ...stored, recordTime }]);
  const { events, prefixes } = renderEvents([{ ...stored, recordTime }]);
  const { events: rendered, applied } = renderIdentifiers(events, epcFormat, services.companyPrefixes);
  const body = { '@context': responseContext(prefixes), ...rendered[0] };
  setVersionHeaders(res);
  res.setHeader('GS1-EPC-Format', applied);
  res.type('application/ld+json').send(JSON.stringify(body));
}
