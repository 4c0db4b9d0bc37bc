/**
 * Opaque, signed, self-contained `nextPageToken`s (EPCIS 2.0 REST binding, pagination; EPCIS-DIGEST §a):
 * the token carries the keyset position (the sort key of the last item returned plus a tie-breaker), the scope it
 * was issued for (a digest of the query) and its expiry, signed with HMAC-SHA256. Any instance that shares the
 * secret honours it; a tampered, expired or misapplied token is a 400 QueryParameterException.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { queryParameterError } from '../errors/epcis-errors';
import type { JsonValue } from '../model/types';

interface TokenPayload {
  /** Keyset position after which the next page starts. */
  k: JsonValue[];
  /** Digest of the query the token belongs to. */
  s: string;
  /** Expiry, epoch milliseconds. */
  e: number;
}

export interface PageTokenCodec {
  issue(position: JsonValue[], scope: string, now?: Date): { token: string; expires: Date };
  /** The keyset position of a valid token for this scope. */
  read(token: string, scope: string, now?: Date): JsonValue[];
}

/** A stable digest of the query a token belongs to (parameters other than paging ones, sorted). */
export function scopeOf(parts: Record<string, unknown>): string {
  const stable = Object.keys(parts)
    .sort()
    .map((key) => [key, parts[key]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 22);
}

export function createPageTokenCodec(secret: string, ttlSeconds: number): PageTokenCodec {
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest();
  return {
    issue(position, scope, now = new Date()) {
      const expires = new Date(now.getTime() + ttlSeconds * 1000);
      const data = Buffer.from(JSON.stringify({ k: position, s: scope, e: expires.getTime() })).toString('base64url');
      return { token: `${data}.${sign(data).toString('base64url')}`, expires };
    },
    read(token, scope, now = new Date()) {
      const invalid = (why: string) => queryParameterError(`Invalid nextPageToken: ${why}.`);
      const [data, signature, extra] = token.split('.');
      if (!data || !signature || extra !== undefined) throw invalid('malformed');
      const expected = sign(data);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid('bad signature');
      let payload: TokenPayload;
      try {
        payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as TokenPayload;
      } catch {
        throw invalid('malformed');
      }
      if (!Array.isArray(payload.k) || typeof payload.e !== 'number') throw invalid('malformed');
      if (payload.e < now.getTime()) throw invalid('expired');
      if (payload.s !== scope) throw invalid('it was issued for another query');
      return payload.k;
    },
  };
}
