/**
 * GS1 Digital Link URI <-> GS1 key (GS1 Digital Link 1.1 §4-§7). Any resolver domain and path prefix is accepted;
 * the canonical form is `https://id.gs1.org/{AI}/{value}[/{AI}/{value}]` with numeric AIs, no query string and
 * no fragment (EPCIS-DIGEST §h rule 8).
 */
import { decodeDigitalLinkSegment, encodeDigitalLinkSegment } from './character-sets';
import { flatConcat } from '../model/flat-string';
import {
  PRIMARY_KEY_AIS,
  QUALIFIER_SHORT_NAMES,
  checkKey,
  fail,
  type AiValue,
  type Gs1Key,
  type Result,
} from './gs1-key';

export const CANONICAL_DL_ORIGIN = 'https://id.gs1.org';

const DL = /^https?:\/\/([^/?#]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

const SHORT_TO_AI: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(PRIMARY_KEY_AIS).map(([ai, short]) => [short, ai]),
  ...Object.entries(QUALIFIER_SHORT_NAMES),
]);

const aiOf = (segment: string): string => SHORT_TO_AI[segment] ?? segment;
const isPrimary = (segment: string): boolean => aiOf(segment) in PRIMARY_KEY_AIS;

/** Whether the URI could be a Digital Link (http(s) with a GS1 primary key in its path). */
export function looksLikeDigitalLink(uri: string): boolean {
  const m = DL.exec(uri);
  return m !== null && (m[2] ?? '').split('/').some(isPrimary);
}

/** Parses a Digital Link URI (any domain, short names allowed; query string and fragment ignored). */
export function parseDigitalLink(uri: string): Result<Gs1Key> {
  const m = DL.exec(uri);
  if (!m) return fail('not an http(s) URI');
  const segments = (m[2] ?? '').split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  const start = segments.findIndex(isPrimary);
  if (start < 0) return fail('no GS1 primary key in the Digital Link path');
  const pairs = segments.slice(start);
  if (pairs.length % 2 !== 0) return fail('Digital Link path must alternate AI and value');
  const ais: AiValue[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const value = decodeDigitalLinkSegment(pairs[i + 1] ?? '');
    if (value === null || value === '') return fail(`bad value after /${pairs[i] ?? ''}/`);
    ais.push({ ai: aiOf(pairs[i] ?? ''), value });
  }
  return checkKey(ais);
}

/** Writes a key as a canonical Digital Link on https://id.gs1.org. */
export function formatDigitalLink(key: Gs1Key): string {
  // One flat string (stored with the event's query fields), not a chain of concatenations.
  const parts = [CANONICAL_DL_ORIGIN];
  for (const { ai, value } of key.ais) parts.push('/', ai, '/', encodeDigitalLinkSegment(value));
  return flatConcat(...parts);
}
