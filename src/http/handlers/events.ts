/**
 * GET /events (all events, paginated; the full SimpleEventQuery language is the query module's), POST /events
 * (one event, synchronous) and GET /events/{eventID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §a, §d).
 */
import type { Request, Response } from 'express';
import { noSuchResource, queryParameterError, resourceExists } from '../../errors/epcis-errors';
import { queryDocument, renderEvents, responseContext } from '../../formats/jsonld/query-document';
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
  setVersionHeaders(res);
  res.type('application/ld+json').send(JSON.stringify(queryDocument(page.events, { queryName: 'SimpleEventQuery' })));
}

export async function getEventById(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  const eventID = String(req.params['eventID']);
  const events = await services.reader.byEventID(eventID);
  if (events.length === 0) throw noSuchResource(`No event with eventID ${eventID}.`);
  setVersionHeaders(res);
  res.type('application/ld+json').send(JSON.stringify(queryDocument(events, { queryName: 'SimpleEventQuery' })));
}

export async function postEvent(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
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
  const body = { '@context': responseContext(prefixes), ...events[0] };
  setVersionHeaders(res);
  res
    .status(201)
    .location(`/events/${encodeURIComponent(stored.eventID)}`)
    .type('application/ld+json')
    .send(JSON.stringify(body));
}
