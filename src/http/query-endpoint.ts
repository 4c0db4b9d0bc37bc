/**
 * Answers an events query over HTTP (GET /events, `/{family}/{id}/events`, GET /queries/{name}/events; EPCIS 2.0
 * REST binding, EPCIS-DIGEST §a, §b): prefixes from `GS1-Extensions`, the query parsed, one page executed by the
 * query service, `Link` / `GS1-Next-Page-Token-Expires` when there is a next page, the events rendered by
 * sendEventsDocument (so every negotiated format applies).
 *
 * The page token's scope is a digest of the query (its parameters other than paging, the prefixes in force and
 * the resource path), so a token cannot be replayed on another query.
 */
import type { Request, Response } from 'express';
import { queryParameterError } from '../errors/epcis-errors';
import type { JsonObject } from '../model/types';
import { parseGs1ExtensionsHeader, parseQuery } from '../query';
import type { EpcisQuery } from '../query';
import { sendEventsDocument } from './event-response';
import { scopeOf } from './page-token';
import { announceNextPage } from './pagination';
import type { Services } from './services';

const PAGING = new Set(['perPage', 'nextPageToken']);

/** The namespace prefixes declared by the request's GS1-Extensions header. */
export function headerNamespaces(req: Request): Record<string, string> {
  const header = req.headers['gs1-extensions'];
  const value = Array.isArray(header) ? header.join(',') : header;
  return value === undefined ? {} : parseGs1ExtensionsHeader(value);
}

/** The URL query as parseQuery reads it (one string per name, an array when repeated). */
export function urlParams(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
    if (typeof value === 'string') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.map(String);
    else throw queryParameterError(`Query parameter ${name} has an unreadable value.`);
  }
  return out;
}

export interface EventsQueryRequest {
  /** The query proper (conditions and controls other than paging). */
  query: EpcisQuery;
  /** What identifies the query for the page token's scope. */
  scope: Record<string, unknown>;
  perPage: number | undefined;
  nextPageToken: string | undefined;
}

/** Runs one page of a query and sends it as an EPCISQueryDocument. */
export async function answerEventsQuery(
  req: Request,
  res: Response,
  services: Services,
  request: EventsQueryRequest,
): Promise<void> {
  // No negotiation here: sendEventsDocument negotiates, so every format it supports applies to these endpoints.
  const { defaultPerPage, maxPerPage } = services.config.query;
  const perPage = Math.min(request.perPage ?? defaultPerPage, maxPerPage);
  const scope = scopeOf(request.scope);
  const after = request.nextPageToken === undefined ? null : services.pageTokens.read(request.nextPageToken, scope);
  const page = await services.queries.page(request.query, perPage, after);
  announceNextPage(req, res, services, perPage, page.next, scope);
  sendEventsDocument(req, res, services, page.events);
}

/**
 * A query from the URL, optionally with the parameter a resource path implies (`/bizSteps/{id}/events` implies
 * `EQ_bizStep={id}`); giving that parameter as well is a QueryParameterException.
 */
export function urlQuery(req: Request, implied?: { name: string; value: string }): EventsQueryRequest {
  const params = urlParams(req);
  const namespaces = headerNamespaces(req);
  const query = parseQuery({ params }, { namespaces });
  if (implied) {
    if (Object.hasOwn(params, implied.name))
      throw queryParameterError(`${implied.name} is implied by the resource path and cannot be given as well.`);
    const body: JsonObject = { [implied.name]: [implied.value] };
    const extra = parseQuery({ body }, { namespaces });
    query.conditions.push(...extra.conditions);
    query.parameterNames.push(implied.name);
  }
  const stable = Object.keys(params)
    .filter((name) => !PAGING.has(name))
    .sort()
    .map((name) => [name, params[name]]);
  return {
    query,
    scope: { path: req.path, params: stable, namespaces, implied: implied ?? null },
    perPage: query.perPage,
    nextPageToken: query.nextPageToken,
  };
}
