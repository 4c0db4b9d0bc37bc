/**
 * Request bodies: media type (415), UTF-8 (400), JSON syntax (400) and nesting depth (400), checked in that order
 * before any recursive code sees the document (SECURITY-AND-PERFORMANCE-NOTES 1.2.16).
 */
import type { Request } from 'express';
import { EpcisError, validationError } from '../errors/epcis-errors';
import type { JsonValue } from '../model/types';
import { withinDepth } from '../validation/nesting-depth';

export type BodyFormat = 'json' | 'xml';

const JSON_TYPES = new Set(['application/json', 'application/ld+json']);
const XML_TYPES = new Set(['application/xml', 'text/xml']);

/** The media type and parameters of a Content-Type header, lower case. */
function contentType(header: string | undefined): { mediaType: string; params: string[] } {
  const [mediaType = '', ...params] = (header ?? '').split(';').map((s) => s.trim().toLowerCase());
  return { mediaType, params };
}

/** The format a Content-Type header names (JSON or XML media types), if any. */
export function declaredFormat(header: string | undefined): BodyFormat | undefined {
  const { mediaType } = contentType(header);
  return JSON_TYPES.has(mediaType) ? 'json' : XML_TYPES.has(mediaType) ? 'xml' : undefined;
}

/** The body's format from Content-Type, or 415 UnsupportedMediaTypeException. */
export function bodyFormat(req: Request, accepted: readonly BodyFormat[]): BodyFormat {
  const header = req.headers['content-type'];
  const charset = contentType(header)
    .params.find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  const format = declaredFormat(header);
  if (!format || !accepted.includes(format))
    throw new EpcisError(
      'UnsupportedMediaTypeException',
      `Content-Type "${header ?? '(none)'}" is not accepted here; use ${accepted
        .map((f) => (f === 'json' ? 'application/json or application/ld+json' : 'application/xml or text/xml'))
        .join(', or ')}.`,
    );
  if (charset && charset !== 'utf-8' && charset !== 'utf8')
    throw new EpcisError('UnsupportedMediaTypeException', `Only UTF-8 bodies are accepted, not charset=${charset}.`);
  return format;
}

/**
 * The raw body, taken off the request: the handler then holds the only reference, and a large document's bytes
 * can be collected as soon as it is parsed, not only when the response has gone (POST /capture validates and
 * prepares every event before its 202).
 */
export function takeBody(req: Request): unknown {
  const body: unknown = req.body;
  req.body = undefined;
  return body;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes the raw body as strict UTF-8. */
export function decodeUtf8(raw: unknown): string {
  if (!Buffer.isBuffer(raw) || raw.length === 0) throw validationError('The request body is empty.');
  try {
    return utf8.decode(raw);
  } catch {
    throw validationError('The request body is not valid UTF-8.');
  }
}

/**
 * The JSON text of a body that `parseJsonBody` accepted, as bytes: the body without the byte order mark that the
 * decoder skips (JSON text does not allow one).
 */
export function jsonText(raw: Buffer): Buffer {
  return raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
}

/** Throws when a JSON value nests deeper than `maxDepth` (iterative: safe on any depth). */
export function assertMaxDepth(value: JsonValue, maxDepth: number): void {
  if (value !== null && typeof value === 'object' && !withinDepth(value, maxDepth))
    throw validationError(`The document nests deeper than ${maxDepth} levels.`);
}

/** Parses a JSON body: strict UTF-8, syntax, depth, and an object at the top. */
export function parseJsonBody(raw: unknown, maxDepth: number): Record<string, JsonValue> {
  const text = decodeUtf8(raw);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw validationError(`Malformed JSON: ${(error as Error).message}`);
  }
  assertMaxDepth(value, maxDepth);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw validationError('The request body must be a JSON object.');
  return value;
}
