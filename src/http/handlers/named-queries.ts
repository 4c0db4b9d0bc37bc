/**
 * Named queries (EPCIS 2.0 REST binding, EPCIS-DIGEST §a): `POST /queries` {name, query} stores a view (201 +
 * Location; 409 when the name exists; 400 when the query does not parse), `GET /queries` lists them (paginated),
 * `GET`/`DELETE /queries/{name}`, and `GET /queries/{name}/events` runs it, paginated like GET /events. Only
 * `perPage` and `nextPageToken` are accepted in the URL there: the filter is the stored query (subscription
 * parameters are not supported by this server and are refused with 400).
 *
 * `DELETE /nextPageToken/{token}`: page tokens are self-contained and signed, with an expiry; there is nothing to
 * release, so the optional operation answers 501 NotImplementedException as the binding allows.
 */
import type { Request, Response } from 'express';
import { EpcisError, noSuchResource, queryParameterError, validationError } from '../../errors/epcis-errors';
import type { JsonObject, JsonValue } from '../../model/types';
import { parseQuery } from '../../query';
import type { NamedQueryRecord } from '../../store/event-store';
import { setVersionHeaders } from '../gs1-headers';
import { negotiate } from '../negotiation';
import { scopeOf } from '../page-token';
import { announceNextPage, readPageRequest } from '../pagination';
import { principalOf } from '../principal';
import { answerEventsQuery, headerNamespaces } from '../query-endpoint';
import { bodyFormat, parseJsonBody } from '../request-body';
import type { Services } from '../services';

/** Longest query name accepted (a server limit; names appear in URLs). */
export const MAX_QUERY_NAME_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f]/;

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const view = (record: NamedQueryRecord) => ({ name: record.name, query: record.query });

function onlyPaging(req: Request): void {
  for (const name of Object.keys(req.query as Record<string, unknown>))
    if (name !== 'perPage' && name !== 'nextPageToken')
      throw queryParameterError(`Query parameter ${name} is not supported here.`);
}

async function findQuery(services: Services, name: string): Promise<NamedQueryRecord> {
  const record = await services.store.getNamedQuery(name);
  if (!record) throw noSuchResource(`There is no named query ${name}.`);
  return record;
}

export async function postQuery(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  bodyFormat(req, ['json']);
  const body = parseJsonBody(req.body, services.config.capture.maxDepth);
  const { name, query, ...rest } = body;
  if (Object.keys(rest).length > 0) throw validationError(`Unexpected member ${Object.keys(rest)[0]} in the body.`);
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_QUERY_NAME_LENGTH || BAD_NAME.test(name))
    throw validationError(`name must be a non-empty string of at most ${MAX_QUERY_NAME_LENGTH} characters.`);
  if (!isObject(query)) throw validationError('query must be a JSON object (EPCISEventsQuery).');
  const namespaces = headerNamespaces(req);
  parseQuery({ body: query }, { namespaces }); // QueryParameterException (400) when it does not parse
  await services.store.createNamedQuery({
    name,
    query,
    namespaces,
    createdAt: new Date(),
    owner: principalOf(req),
  });
  setVersionHeaders(res);
  res
    .status(201)
    .location(`/queries/${encodeURIComponent(name)}`)
    .end();
}

export async function listQueries(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  onlyPaging(req);
  const { perPage, token } = readPageRequest(req, services);
  const scope = scopeOf({ path: 'queries' });
  const after = token === undefined ? undefined : services.pageTokens.read(token, scope)[0];
  const records = await services.store.listNamedQueries({
    ...(typeof after === 'string' ? { after } : {}),
    limit: perPage + 1,
  });
  const page = records.slice(0, perPage);
  const last = page[page.length - 1];
  announceNextPage(req, res, services, perPage, records.length > perPage && last ? [last.name] : null, scope);
  setVersionHeaders(res);
  res.type('application/json').send(JSON.stringify(page.map(view)));
}

export async function getQuery(req: Request, res: Response, services: Services): Promise<void> {
  negotiate(req.headers.accept, ['json']);
  const record = await findQuery(services, String(req.params['name']));
  setVersionHeaders(res);
  res.type('application/json').send(JSON.stringify(view(record)));
}

export async function deleteQuery(req: Request, res: Response, services: Services): Promise<void> {
  const name = String(req.params['name']);
  if (!(await services.store.deleteNamedQuery(name))) throw noSuchResource(`There is no named query ${name}.`);
  setVersionHeaders(res);
  res.status(204).end();
}

export async function getQueryEvents(req: Request, res: Response, services: Services): Promise<void> {
  onlyPaging(req);
  const record = await findQuery(services, String(req.params['name']));
  const { perPage, token } = readPageRequest(req, services);
  const query = parseQuery({ body: record.query }, { namespaces: record.namespaces });
  await answerEventsQuery(req, res, services, {
    query,
    // The creation time is in the scope: a token never outlives a query deleted and created again.
    scope: { path: 'queries', name: record.name, createdAt: record.createdAt.getTime() },
    perPage,
    nextPageToken: token,
  });
}

export async function deletePageToken(): Promise<void> {
  throw new EpcisError(
    'NotImplementedException',
    'Page tokens are self-contained and expire on their own (GS1-Next-Page-Token-Expires); there is nothing to release.',
  );
}
