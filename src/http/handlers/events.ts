/**
 * GET /events (all events, paginated; the full SimpleEventQuery language is the query module's), POST /events
 * (one event, synchronous) and GET /events/{eventID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §a, §d).
 */
import type { Request, Response } from 'express';
import { noSuchResource, queryParameterError, resourceExists } from '../../errors/epcis-errors';
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
  negotiate(req.headers.accept, ['json']);
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
  negotiate(req.headers.accept, ['json']);
  const eventID = String(req.params['eventID']);
  const events = await services.reader.byEventID(eventID);
  if (events.length === 0) throw noSuchResource(`No event with eventID ${eventID}.`);
  sendEventsDocument(req, res, services, events);
}

export async function postEvent(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  const epcFormat = readEpcFormat(req.headers['gs1-epc-format']);
  bodyFormat(req, ['json']);
  const event = parseJsonBody(req.body, services.config.capture.maxDepth);
  const { namespaces } = await services.analyseContext(event['@context'], event);
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
  const { events, prefixes } = renderEvents([{ ...stored, recordTime }]);
  const { events: rendered, applied } = renderIdentifiers(events, epcFormat, services.companyPrefixes);
  const body = { '@context': responseContext(prefixes), ...rendered[0] };
  setVersionHeaders(res);
  res.setHeader('GS1-EPC-Format', applied);
  res
    .status(201)
    .location(`/events/${encodeURIComponent(stored.eventID)}`)
    .type('application/ld+json')
    .send(JSON.stringify(body));
}
