/**
 * GET /events (the SimpleEventQuery language, paginated; query-endpoint.ts), POST /events
 * (one event, synchronous) and GET /events/{eventID} (EPCIS 2.0 REST binding; EPCIS-DIGEST §a, §d).
 */
import type { Request, Response } from 'express';
import { noSuchResource, resourceExists, validationError } from '../../errors/epcis-errors';
import { documentParts } from '../../capture/document-parts';
import { readXmlBody } from '../xml-body';
import { learnCompanyPrefixes, readEpcFormat, renderIdentifiers } from '../../formats/epc-format';
import { renderEvents, responseContext } from '../../formats/jsonld/query-document';
import { sendEventsDocument } from '../event-response';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import { principalOf } from '../principal';
import { answerEventsQuery, urlQuery } from '../query-endpoint';
import { bodyFormat, parseJsonBody, takeBody } from '../request-body';
import type { Services } from '../services';

export async function getEvents(req: Request, res: Response, services: Services): Promise<void> {
  await answerEventsQuery(req, res, services, urlQuery(req));
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
  const parsed = await readXmlBody(takeBody(req), services);
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
  learnCompanyPrefixes([event], services.companyPrefixes);
  const prefixesSaved = services.prefixMemory.flush(); // never rejects (company-prefix-memory.ts)
  const { stored, status, recordTime } = await services.capture.captureOne(event, {
    owner: principalOf(req),
    namespaces,
  });
  await prefixesSaved;
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
