/**
 * Sends events to a client: an EPCISQueryDocument (EPCIS 2.0 REST binding, 200 responses of the event endpoints)
 * with identifiers rendered as GS1-EPC-Format asks, in the negotiated format.
 */
import type { Request, Response } from 'express';
import { readEpcFormat, renderIdentifiers } from '../formats/epc-format';
import { queryDocument } from '../formats/jsonld/query-document';
import type { StoredEvent } from '../store/stored-event';
import { setVersionHeaders } from './gs1-headers';
import { negotiate } from './negotiation';
import type { Services } from './services';

export function sendEventsDocument(
  req: Request,
  res: Response,
  services: Services,
  events: StoredEvent[],
  options: { queryName: string; subscriptionID?: string } = { queryName: 'SimpleEventQuery' },
): void {
  negotiate(req.headers.accept, ['json']);
  const format = readEpcFormat(req.headers['gs1-epc-format']);
  let applied = format;
  const document = queryDocument(events, {
    ...options,
    transform: (rendered) => {
      const result = renderIdentifiers(rendered, format, services.companyPrefixes);
      applied = result.applied;
      return result.events;
    },
  });
  setVersionHeaders(res);
  res.setHeader('GS1-EPC-Format', applied);
  res.type('application/ld+json').send(JSON.stringify(document));
}
