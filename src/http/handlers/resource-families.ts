/**
 * The resource families of the EPCIS 2.0 REST binding (EPCIS-DIGEST §a "Endpoint table"): `/eventTypes`, `/epcs`,
 * `/bizSteps`, `/bizLocations`, `/readPoints`, `/dispositions` list the values present in committed events
 * (paginated Collections); `/{family}/{id}` lists its sub-resources (`events`); `/{family}/{id}/events` is
 * GET /events with the implied parameter added (giving it as well is a 400).
 *
 * Values are listed in their stored canonical form: bare CBV words, expanded IRIs for custom values, canonical
 * GS1 Digital Links for identifiers, which GS1-EPC-Format may turn into EPC URNs (`Never_Translates` therefore
 * also gives the canonical form: a collection has no "as captured" form).
 */
import type { Request, Response } from 'express';
import { noSuchResource, queryParameterError } from '../../errors/epcis-errors';
import { readEpcFormat, renderIdentifiers } from '../../formats/epc-format';
import { EPCIS_CONTEXT_URL } from '../../formats/jsonld/query-document';
import { parseQuery, Q } from '../../query';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import { scopeOf } from '../page-token';
import { announceNextPage, readPageRequest } from '../pagination';
import { answerEventsQuery, headerNamespaces, urlQuery } from '../query-endpoint';
import type { Handler } from '../route-table';
import type { Services } from '../services';

export interface Family {
  /** Path segment and GET / member name. */
  name: string;
  /** The query parameter `/{name}/{id}/events` implies (EPCIS-DIGEST §a: "QP minus ..."). */
  implied: string;
  /** The precomputed fields whose values the collection lists. */
  paths: string[];
  /** Whether members are identifiers rendered per GS1-EPC-Format. */
  identifiers: boolean;
}

export const FAMILIES: Family[] = [
  { name: 'eventTypes', implied: 'eventType', paths: [Q.type], identifiers: false },
  {
    name: 'epcs',
    implied: 'MATCH_anyEPC',
    paths: [Q.epc, Q.parentID, Q.inputEPC, Q.outputEPC],
    identifiers: true,
  },
  { name: 'bizSteps', implied: 'EQ_bizStep', paths: [Q.bizStep], identifiers: false },
  { name: 'bizLocations', implied: 'EQ_bizLocation', paths: [Q.bizLocation], identifiers: true },
  { name: 'readPoints', implied: 'EQ_readPoint', paths: [Q.readPoint], identifiers: true },
  { name: 'dispositions', implied: 'EQ_disposition', paths: [Q.disposition], identifiers: false },
];

function sendCollection(req: Request, res: Response, member: string[]): void {
  setVersionHeaders(res);
  res.type('application/ld+json').send(JSON.stringify({ '@context': EPCIS_CONTEXT_URL, type: 'Collection', member }));
}

/** GET /{family}: one page of the distinct values. */
export const listFamily =
  (family: Family): Handler =>
  async (req, res, services) => {
    negotiate(req.headers.accept, ['json']);
    const format = family.identifiers ? readEpcFormat(req.headers['gs1-epc-format']) : null;
    for (const name of Object.keys(req.query as Record<string, unknown>))
      if (name !== 'perPage' && name !== 'nextPageToken')
        throw queryParameterError(`Query parameter ${name} is not supported on /${family.name}.`);
    const { perPage, token } = readPageRequest(req, services);
    const scope = scopeOf({ path: family.name });
    const after = token === undefined ? undefined : services.pageTokens.read(token, scope)[0];
    const values = await services.store.distinctValues(family.paths, {
      ...(typeof after === 'string' ? { after } : {}),
      limit: perPage + 1,
    });
    const page = values.slice(0, perPage);
    const last = page[page.length - 1];
    announceNextPage(req, res, services, perPage, values.length > perPage && last !== undefined ? [last] : null, scope);
    let member = page;
    if (format !== null) {
      const rendered = renderIdentifiers([{ epcList: page }], format, services.companyPrefixes);
      member = rendered.events[0]?.['epcList'] as string[];
      res.setHeader('GS1-EPC-Format', rendered.applied);
    }
    sendCollection(req, res, member);
  };

/** 404 unless some committed event carries the value (checked with the implied parameter itself). */
async function requireKnown(req: Request, services: Services, family: Family, id: string): Promise<void> {
  const query = parseQuery({ body: { [family.implied]: [id] } }, { namespaces: headerNamespaces(req) });
  if (!(await services.queries.any(query))) throw noSuchResource(`No event has ${family.name} ${id}.`);
}

/** GET /{family}/{id}: its sub-resources. */
export const familyMember =
  (family: Family): Handler =>
  async (req, res, services) => {
    negotiate(req.headers.accept, ['json']);
    await requireKnown(req, services, family, String(req.params['id']));
    sendCollection(req, res, ['events']);
  };

/** GET /{family}/{id}/events: the SimpleEventQuery with the implied parameter. */
export const familyEvents =
  (family: Family): Handler =>
  async (req, res, services) => {
    const id = String(req.params['id']);
    const request = urlQuery(req, { name: family.implied, value: id });
    await requireKnown(req, services, family, id);
    await answerEventsQuery(req, res, services, request);
  };
