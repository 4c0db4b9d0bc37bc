/**
 * XML request bodies read into ONE SharedArrayBuffer (issue 3: a large XML capture within 4x the document).
 * express.raw keeps the received chunks in a list and concatenates them at the end (a second, transient copy);
 * here the chunks are written where they belong, in memory that the XSD worker then shares with the parser
 * (xmllint-run.ts): the document is held once. The buffer is sized by Content-Length; a chunked body starts small
 * and doubles (pages never written are never resident). Over the capture byte limit: 413
 * CaptureLimitExceededException, as express.raw (the rest of the body is read and dropped, then the answer goes).
 * Other bodies (JSON, or a compressed XML body, whose size is unknown) go to express.raw as before.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { EpcisError, validationError } from '../errors/epcis-errors';
import { declaredFormat } from './request-body';

/** First size of the buffer of a body without Content-Length. */
const CHUNKED_START_BYTES = 64 * 1024;

type SharedBytes = Uint8Array<SharedArrayBuffer>;

const tooLarge = () => new EpcisError('CaptureLimitExceededException', 'The request body exceeds the size limit.');

/** As type-is's hasBody (what express.raw checks): a body is announced by Transfer-Encoding or Content-Length. */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

/** A larger buffer holding the first `used` bytes of `store`, for `needed` bytes (doubling, up to `limit`). */
function grown(store: SharedBytes, used: number, needed: number, limit: number): SharedBytes {
  const size = Math.min(limit, Math.max(needed, store.length * 2));
  const next = new Uint8Array(new SharedArrayBuffer(size));
  next.set(store.subarray(0, used));
  return next;
}

/** Reads the body of `req` into shared memory: a Buffer over a SharedArrayBuffer, exactly the body's bytes. */
export function readSharedBody(req: Request, limit: number): Promise<Buffer> {
  const header = req.headers['content-length'];
  const declared = header === undefined ? null : Number(header);
  let over = declared !== null && declared > limit;
  let store: SharedBytes = new Uint8Array(
    new SharedArrayBuffer(over ? 0 : (declared ?? Math.min(CHUNKED_START_BYTES, limit))),
  );
  let used = 0;
  return new Promise<Buffer>((resolve, reject) => {
    // The listeners below live as long as the request (until its response has gone, or longer on a kept-alive
    // connection): once settled, they must refer neither to the body nor to this promise, which holds it as its
    // value. Measured: a 50 MiB XML body stayed allocated through the whole capture, well after its 202.
    let outcome: { resolve: typeof resolve; reject: typeof reject } | null = { resolve, reject };
    const settle = (error: Error | null) => {
      if (outcome === null) return;
      const settling = outcome;
      outcome = null;
      const body = error ? null : Buffer.from(store.buffer, 0, used);
      store = new Uint8Array(new SharedArrayBuffer(0));
      if (body === null) settling.reject(error);
      else settling.resolve(body);
    };
    req.on('data', (chunk: Buffer) => {
      if (over) return; // read and dropped, so that the 413 can be sent once the client has sent everything
      if (used + chunk.length > limit) {
        over = true;
        store = new Uint8Array(new SharedArrayBuffer(0)); // what was received goes back at once
        return;
      }
      if (used + chunk.length > store.length) store = grown(store, used, used + chunk.length, limit);
      store.set(chunk, used);
      used += chunk.length;
    });
    req.on('end', () => {
      if (over) settle(tooLarge());
      else if (declared !== null && used !== declared)
        settle(validationError('The request body is shorter than its Content-Length.'));
      else settle(null);
    });
    req.on('error', (error) => settle(error));
    req.on('close', () => settle(validationError('The request was aborted before its body ended.')));
  });
}

/**
 * Middleware: an XML body (Content-Type application/xml or text/xml, no Content-Encoding) goes into shared
 * memory (`req.body`: a Buffer over a SharedArrayBuffer); any other request goes to `otherwise` (express.raw).
 */
export function sharedXmlBody(limit: number, otherwise: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (declaredFormat(req.headers['content-type']) !== 'xml' || encoding !== 'identity' || !hasBody(req))
      return otherwise(req, res, next);
    readSharedBody(req, limit).then((body) => {
      req.body = body;
      next();
    }, next);
  };
}
