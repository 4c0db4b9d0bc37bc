/**
 * Sends events to a client: an EPCISQueryDocument (EPCIS 2.0 REST binding, 200 responses of the event endpoints)
 * in the negotiated format (JSON-LD, or XML `epcisq:EPCISQueryDocument` in XSD order), with identifiers rendered as
 * GS1-EPC-Format asks and, in XML, CBV values as GS1-CBV-XML-Format asks.
 */
import type { Request, Response } from 'express';
import { EpcisError } from '../errors/epcis-errors';
import { readEpcFormat, renderIdentifiers } from '../formats/epc-format';
import { queryDocument } from '../formats/jsonld/query-document';
import { CBV_XML_FORMATS, namespacesFromContext, serializeEpcisXml } from '../formats/xml';
import type { CbvXmlFormat } from '../formats/xml';
import type { StoredContent } from '../store/stored-event';
import { setVersionHeaders } from './gs1-headers';
import { negotiate } from './negotiation';
import type { Services } from './services';

/** GS1-CBV-XML-Format (EPCIS-DIGEST §a): how CBV values appear in XML; JSON always uses bare words. */
export function readCbvXmlFormat(header: string | string[] | undefined): CbvXmlFormat {
  if (header === undefined) return 'Always_URN';
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  const format = CBV_XML_FORMATS.find((f) => f.toLowerCase() === value);
  if (!format)
    throw new EpcisError('NotAcceptableException', `GS1-CBV-XML-Format must be one of ${CBV_XML_FORMATS.join(', ')}.`);
  return format;
}

export function sendEventsDocument(
  req: Request,
  res: Response,
  services: Services,
  events: StoredContent[],
  options: { queryName: string; subscriptionID?: string } = { queryName: 'SimpleEventQuery' },
): void {
  const format = negotiate(req.headers.accept, ['json', 'xml']);
  const epcFormat = readEpcFormat(req.headers['gs1-epc-format']);
  const cbvFormat = format === 'xml' ? readCbvXmlFormat(req.headers['gs1-cbv-xml-format']) : undefined;
  let applied = epcFormat;
  const document = queryDocument(events, {
    ...options,
    transform: (rendered) => {
      const result = renderIdentifiers(rendered, epcFormat, services.companyPrefixes);
      applied = result.applied;
      return result.events;
    },
  });
  setVersionHeaders(res);
  res.setHeader('GS1-EPC-Format', applied);
  if (cbvFormat) {
    res.setHeader('GS1-CBV-XML-Format', cbvFormat);
    const namespaces = namespacesFromContext(document['@context']);
    res.type('application/xml').send(serializeEpcisXml(document, namespaces, { cbvFormat }));
  } else res.type('application/ld+json').send(JSON.stringify(document));
}
