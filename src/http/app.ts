/**
 * createApp(deps) builds the Express app without listening (DESIGN.md "Request flow and layers"): the route table,
 * OPTIONS discovery and 405 derived from it, version negotiation, URI length, and one error path to RFC 7807.
 */
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { CaptureService } from '../capture/capture-service';
import { eventChecksFor, type EventCheckPool } from '../capture/event-check-pool';
import type { EventValidator } from '../capture/ports';
import type { EventPreparation } from '../capture/prepare-event';
import type { AppConfig } from '../config/config';
import { EpcisError, noSuchResource } from '../errors/epcis-errors';
import type { Logger } from '../logging/logger';
import { CompanyPrefixMemory } from '../capture/company-prefix-memory';
import { canonicalEpc } from '../identifiers';
import { EventReader } from '../query/event-reader';
import { QueryService } from '../query/query-service';
import type { EventStore } from '../store/event-store';
import { DISCOVERY_HEADERS } from './gs1-headers';
import { captureLimitHeaders } from './handlers/capture';
import { createPageTokenCodec } from './page-token';
import { problemFormat, sendProblem, toEpcisError } from './problem';
import type { Method, Route } from './route-table';
import { allowOf } from './route-table';
import { routes } from './routes';
import { sharedXmlBody } from './shared-body';
import type { ContextAnalyser, Services } from './services';
import { checkVersionHeaders } from './version-negotiation';

export interface AppDeps {
  config: AppConfig;
  store: EventStore;
  logger: Logger;
  validator: EventValidator;
  preparation: EventPreparation;
  analyseContext: ContextAnalyser;
  /** The worker that validates large JSON captures' events in parallel (absent: every capture validates its own). */
  eventChecks?: EventCheckPool;
}

export type EpcisApp = express.Express & { locals: { services: Services } };

function mountRoute(app: express.Express, route: Route, services: Services): void {
  const allow = allowOf(route);
  app.options(route.path, (_req, res) => {
    res.set({ Allow: allow, ...DISCOVERY_HEADERS, ...(route.discovery?.(services) ?? {}) });
    res.status(204).end();
  });
  const { maxBytes } = services.config.capture;
  // XML bodies into one SharedArrayBuffer, shared with the XSD worker (shared-body.ts); others as raw bytes.
  const rawBody = sharedXmlBody(maxBytes, express.raw({ type: () => true, limit: maxBytes }));
  for (const method of ['GET', 'POST', 'DELETE'] as const satisfies Method[]) {
    const handler = route.handlers[method];
    if (!handler) continue;
    const run = (req: Request, res: Response, next: NextFunction) => handler(req, res, services).catch(next);
    if (method === 'POST') app.post(route.path, rawBody, run);
    else if (method === 'DELETE') app.delete(route.path, run);
    else app.get(route.path, run);
  }
  app.all(route.path, (req, _res, next) => {
    next(
      new EpcisError('MethodNotAllowedException', `${req.method} is not allowed on ${req.path}; use ${allow}.`, {
        headers: { Allow: allow },
      }),
    );
  });
}

/**
 * Builds the app over an opened store. It starts loading the company prefix lengths learned earlier (from this
 * store, by any instance); await `app.locals.services.prefixMemory.load()` before serving to have them all.
 */
export function createApp(deps: AppDeps): EpcisApp {
  const { config, store, logger } = deps;
  const prefixMemory = new CompanyPrefixMemory({
    store,
    logger,
    configured: config.companyPrefixes.map((prefix) => [prefix, prefix.length] as const),
    refreshAfterMissMs: config.companyPrefixRefreshMs,
  });
  void prefixMemory.load();
  const services: Services = {
    config,
    store,
    capture: new CaptureService({
      store,
      validator: deps.validator,
      preparation: deps.preparation,
      limits: { maxEvents: config.capture.maxEvents },
      logger,
    }),
    reader: new EventReader(store, config.query.maxTimeMS),
    queries: new QueryService({ store, canonicalEpc, maxTimeMS: config.query.maxTimeMS }),
    pageTokens: createPageTokenCodec(config.pageTokenSecret, config.query.pageTokenTtlSeconds),
    analyseContext: deps.analyseContext,
    eventChecks: eventChecksFor(deps.eventChecks, config.capture.validationWorkerMinBytes),
    companyPrefixes: prefixMemory.table,
    prefixMemory,
    shuttingDown: false,
  };
  const app = express() as EpcisApp;
  app.locals.services = services;
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, _res, next) => {
    if (req.originalUrl.length > config.maxUriLength)
      return next(
        new EpcisError('URITooLongException', `The request URI is longer than ${config.maxUriLength} characters.`),
      );
    try {
      checkVersionHeaders(req.headers);
      next();
    } catch (error) {
      next(error);
    }
  });

  for (const route of routes) mountRoute(app, route, services);

  app.use((req, _res, next) => next(noSuchResource(`There is no resource at ${req.path}.`)));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const epcisError = toEpcisError(error);
    if (epcisError.exception === 'ImplementationException')
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (epcisError.exception === 'CaptureLimitExceededException')
      Object.assign(epcisError.headers, captureLimitHeaders(services));
    if (res.headersSent) return res.end();
    sendProblem(res, epcisError, problemFormat(req));
  });
  return app;
}
