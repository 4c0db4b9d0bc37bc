/**
 * perPage / nextPageToken handling shared by paginated endpoints (EPCIS 2.0 REST binding; EPCIS-DIGEST §a):
 * `perPage` defaults to 30 and is capped by the server; the next page is announced in
 * `Link: <...>; rel="next"` with `GS1-Next-Page-Token-Expires`, and only when there is one.
 */
import type { Request, Response } from 'express';
import { queryParameterError } from '../errors/epcis-errors';
import type { JsonValue } from '../model/types';
import type { Services } from './services';

export interface PageRequest {
  perPage: number;
  token: string | undefined;
}

/** A single-valued query parameter (a repeated one is a QueryParameterException). */
export function singleParam(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw queryParameterError(`Parameter ${name} is given more than once.`);
  return value;
}

export function readPageRequest(req: Request, services: Services): PageRequest {
  const raw = singleParam(req, 'perPage');
  let perPage = services.config.query.defaultPerPage;
  if (raw !== undefined) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw queryParameterError(`perPage must be a positive integer, not "${raw}".`);
    perPage = Math.min(Number(raw), services.config.query.maxPerPage);
  }
  return { perPage, token: singleParam(req, 'nextPageToken') };
}

/** Sets Link (rel="next") and GS1-Next-Page-Token-Expires when there is a next page. */
export function announceNextPage(
  req: Request,
  res: Response,
  services: Services,
  perPage: number,
  next: JsonValue[] | null,
  scope: string,
): void {
  if (!next) return;
  const { token, expires } = services.pageTokens.issue(next, scope);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(req.query as Record<string, unknown>)) {
    if (name === 'nextPageToken' || name === 'perPage') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  params.set('perPage', String(perPage));
  params.set('nextPageToken', token);
  res.setHeader('Link', `<${req.baseUrl}${req.path}?${params.toString()}>; rel="next"`);
  res.setHeader('GS1-Next-Page-Token-Expires', expires.toISOString());
}
