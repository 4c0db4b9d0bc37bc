/**
 * GET /events (the SimpleEventQuery language, paginated; query-endpoint.ts), POST /events
 * (one event, synchronous) and GET /events/{eventID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §a, §d).
 */
import type { Request, Response } from 'express';
import { noSuchResource, resourceExists } from '../../errors/epcis-errors';
import { readEpcFormat, renderIdentifiers } from '../../formats/epc-format';
import { renderEvents, responseContext } from '../../formats/jsonld/query-document';
import { sendEventsDocument } from '../event-response';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import { principalOf } from '../principal';
import { answerEventsQuery, urlQuery } from '../query-endpoint';
import { bodyFormat, parseJsonBody } from '../request-body';
import type { Services } from '../services';

export async function getEvents(req: Request, res: Response, services: Services): Promise<void> {
  await answerEventsQuery(req, res, services, urlQuery(req));
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
