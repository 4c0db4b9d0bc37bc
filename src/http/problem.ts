/**
 * RFC 7807 problem responses (EPCIS 2.0 REST binding, RFC7807ProblemResponseBody; EPCIS-DIGEST §c).
 * Every error the server answers goes through `toEpcisError` and `sendProblem`: no stack trace ever reaches a body.
 */
import type { Request, Response } from 'express';
import { serializeProblemXml } from '../formats/xml';
import type { ResponseFormat } from './negotiation';
import { negotiate } from './negotiation';
import { EpcisError } from '../errors/epcis-errors';
import { EXCEPTIONS, problemType } from '../errors/error-table';
import type { ProblemBody } from '../model/types';

/** The problem body of an EpcisError. */
export function problemOf(error: EpcisError): ProblemBody {
  const { status, title } = EXCEPTIONS[error.exception];
  const body: ProblemBody = { type: problemType(error.exception), title, status, detail: error.message };
  if (error.instance !== undefined) body.instance = error.instance;
  return body;
}

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/** Maps anything thrown (body-parser errors included) to an EpcisError; unknown errors become a 500 without details. */
export function toEpcisError(error: unknown): EpcisError {
  if (error instanceof EpcisError) return error;
  const e = (error ?? {}) as HttpishError;
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.too.large' || status === 413)
    return new EpcisError('CaptureLimitExceededException', 'The request body exceeds the size limit.');
  if (e.type === 'entity.parse.failed') return new EpcisError('ValidationException', `Malformed JSON: ${e.message}`);
  if (e.type === 'encoding.unsupported' || status === 415)
    return new EpcisError('UnsupportedMediaTypeException', e.message ?? 'Unsupported content encoding.');
  if (status === 400 && e.expose) return new EpcisError('ValidationException', e.message ?? 'Bad request.');
  return new EpcisError('ImplementationException', 'The server could not process the request.');
}

/**
 * The problem format for a request: problem+xml when the client prefers XML in Accept, or sent XML and expressed no
 * preference; otherwise problem+json (EPCIS 2.0 REST binding: errors are application/problem+json or +xml).
 */
export function problemFormat(req: Request): ResponseFormat {
  const accept = req.headers.accept;
  const noPreference = !accept || accept.trim() === '*/*';
  if (noPreference) return /xml/i.test(req.headers['content-type'] ?? '') ? 'xml' : 'json';
  try {
    return negotiate(accept, ['json', 'xml']);
  } catch {
    return 'json';
  }
}

export function sendProblem(res: Response, error: EpcisError, format: ResponseFormat = 'json'): void {
  const body = problemOf(error);
  res.status(body.status ?? 500);
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  if (format === 'xml') res.type('application/problem+xml').send(serializeProblemXml(body));
  else res.type('application/problem+json').send(JSON.stringify(body));
}
