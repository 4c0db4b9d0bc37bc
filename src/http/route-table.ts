/**
 * Routes as a data table (DESIGN.md style: node-fhir-server-core). OPTIONS discovery (204 + Allow + GS1 headers)
 * and 405 Method Not Allowed are derived from it, as is the GET / resource list.
 */
import type { Request, Response } from 'express';
import type { Services } from './services';

export type Method = 'GET' | 'POST' | 'DELETE';
export type Handler = (req: Request, res: Response, services: Services) => Promise<void>;

export interface Route {
  path: string;
  handlers: Partial<Record<Method, Handler>>;
  /** Extra OPTIONS headers (the capture endpoint advertises its limits). */
  discovery?: (services: Services) => Record<string, string>;
  /** Listed by GET / under this name (EPCIS 2.0 REST binding, TopLevelResourceCollection). */
  topLevel?: string;
}

/** `Allow` for a route, in the order the EPCIS 2.0 OpenAPI writes it ("OPTIONS, GET, POST"). */
export const allowOf = (route: Route): string =>
  ['OPTIONS', ...(['GET', 'POST', 'DELETE'] as const).filter((m) => route.handlers[m])].join(', ');
