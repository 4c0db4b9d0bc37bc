/**
 * One error hierarchy named after the GS1 EPCIS exceptions (EPCIS 2.0 REST binding, openapi.yaml
 * components/responses; query XSD exception elements). The HTTP status and RFC 7807 `type` of each name
 * live in ONE table: `error-table.ts`.
 */
import type { ExceptionName } from './error-table';

export interface ProblemExtras {
  /** Extra response headers (e.g. `Allow` on 405, the capture limit headers on 413). */
  headers?: Record<string, string>;
  /** Where in the request the problem is (RFC 7807 `instance`), e.g. `/epcisBody/eventList/3/action`. */
  instance?: string;
}

export class EpcisError extends Error {
  readonly exception: ExceptionName;
  readonly headers: Record<string, string>;
  readonly instance: string | undefined;

  constructor(exception: ExceptionName, detail: string, extras: ProblemExtras = {}) {
    super(detail);
    this.name = exception;
    this.exception = exception;
    this.headers = extras.headers ?? {};
    this.instance = extras.instance;
  }
}

export const validationError = (detail: string, extras?: ProblemExtras) =>
  new EpcisError('ValidationException', detail, extras);
export const queryParameterError = (detail: string, extras?: ProblemExtras) =>
  new EpcisError('QueryParameterException', detail, extras);
export const noSuchResource = (detail: string, extras?: ProblemExtras) =>
  new EpcisError('NoSuchResourceException', detail, extras);
export const resourceExists = (detail: string, extras?: ProblemExtras) =>
  new EpcisError('ResourceAlreadyExistsException', detail, extras);
export const implementationError = (detail: string, extras?: ProblemExtras) =>
  new EpcisError('ImplementationException', detail, extras);
