/**
 * Conversions between the two spellings of a GS1 key in EPCIS (EPCIS-DIGEST §a `GS1-EPC-Format`, §h rule 8):
 * EPC URN and canonical GS1 Digital Link. Non-GS1 identifiers (custom URIs, other EPC schemes) are left alone.
 */

import { parseDigitalLink, formatDigitalLink, looksLikeDigitalLink } from './digital-link';
import { parseEpcUrn, formatEpcUrn, isEpcUrnSyntax } from './epc-urn';
import { schemeForKey } from './epc-urn-schemes';
import { finestKey, type Gs1Key, type Result } from './gs1-key';
import { prefixDigits, type CompanyPrefixLengthLookup } from './company-prefix';
import { flatConcat } from '../model/flat-string';

export type IdentifierForm = 'epc-urn' | 'digital-link';

export interface ParsedIdentifier {
  readonly form: IdentifierForm;
  /** The key as written (for a Digital Link: with all its qualifiers). */
  readonly key: Gs1Key;
  /** Known for an EPC URN only. */
  readonly companyPrefixLength?: number;
}

/** What a field value is, for capture-time checks (issue 5, item 6). */
export type IdentifierCheck =
  | { readonly status: 'valid'; readonly form: IdentifierForm; readonly key: Gs1Key }
  | { readonly status: 'invalid'; readonly form: IdentifierForm; readonly reason: string }
  /** Not written as a GS1 key (custom URI, private or non-GS1 EPC scheme): accepted as is. */
  | { readonly status: 'not-gs1' };

const GS1_URN =
  /^urn:epc:(id|class|idpat):(sgtin|sscc|sgln|grai|giai|gsrn|gsrnp|gdti|cpi|sgcn|ginc|gsin|itip|upui|pgln|lgtin):/;
const DL_KEY_SEGMENT =
  /^https?:\/\/[^/?#]+(\/[^?#]*)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018|sscc|gtin|gdti|gcn|ginc|gsin|gln|party|grai|giai|itip|cpid|gsrnp|gsrn)\/\d/i;

/** Classifies and validates an identifier; the reason names the problem (e.g. a wrong check digit). */
export function validateIdentifier(uri: string): IdentifierCheck {
  if (GS1_URN.test(uri)) {
    const parsed = parseEpcUrn(uri);
    return parsed.ok
      ? { status: 'valid', form: 'epc-urn', key: parsed.value.key }
      : { status: 'invalid', form: 'epc-urn', reason: parsed.reason };
  }
  if (DL_KEY_SEGMENT.test(uri) && looksLikeDigitalLink(uri)) {
    const parsed = parseDigitalLink(uri);
    return parsed.ok
      ? { status: 'valid', form: 'digital-link', key: parsed.value }
      : { status: 'invalid', form: 'digital-link', reason: parsed.reason };
  }
  return { status: 'not-gs1' };
}

/** Parses an EPC URN or a Digital Link into its GS1 key. */
export function parseIdentifier(uri: string): Result<ParsedIdentifier> {
  if (isEpcUrnSyntax(uri)) {
    const parsed = parseEpcUrn(uri);
    if (!parsed.ok) return parsed;
    const { key, companyPrefixLength } = parsed.value;
    return { ok: true, value: { form: 'epc-urn', key, companyPrefixLength } };
  }
  const parsed = parseDigitalLink(uri);
  return parsed.ok ? { ok: true, value: { form: 'digital-link', key: parsed.value } } : parsed;
}

/**
 * The canonical Digital Link (https://id.gs1.org, numeric AIs, no query string, finest key) of an EPC URN or a
 * Digital Link; null when the input is not a valid GS1 key.
 */
export function toDigitalLink(uri: string): string | null {
  const fast = sgtinDigitalLink(uri);
  if (fast !== undefined) return fast;
  if (!mayBeGs1(uri)) return null;
  const parsed = parseIdentifier(uri);
  return parsed.ok ? formatDigitalLink({ ais: finestKey(parsed.value.key.ais) }) : null;
}

export interface ToEpcUrnOptions {
  /** Company prefix length of a Digital Link's key (e.g. `createCompanyPrefixTable(...).lookup`). */
  readonly companyPrefixLength?: CompanyPrefixLengthLookup;
}

/**
 * The EPC URN of an EPC URN or Digital Link. A Digital Link needs its company prefix length from
 * `opts.companyPrefixLength`; without it the result says so and keeps the original.
 */
export function convertToEpcUrn(
  uri: string,
  opts: ToEpcUrnOptions = {},
): { ok: true; value: string } | { ok: false; reason: string; original: string } {
  const parsed = parseIdentifier(uri);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, original: uri };
  const key: Gs1Key = { ais: finestKey(parsed.value.key.ais) };
  if (!schemeForKey(key.ais)) return { ok: false, reason: 'this key has no EPC URI form', original: uri };
  const length =
    parsed.value.companyPrefixLength ?? opts.companyPrefixLength?.(prefixDigits(key), key.ais[0]?.ai ?? '');
  if (length === undefined) return { ok: false, reason: 'GS1 Company Prefix length unknown', original: uri };
  const urn = formatEpcUrn(key, length);
  return urn.ok ? urn : { ok: false, reason: urn.reason, original: uri };
}

/** `convertToEpcUrn` as a value: the EPC URN, or null when it cannot be converted. */
export function toEpcUrn(uri: string, opts: ToEpcUrnOptions = {}): string | null {
  const result = convertToEpcUrn(uri, opts);
  return result.ok ? result.value : null;
}

/** The canonical Digital Link when convertible, else the input unchanged (query matching and hashing). */
export function canonicalEpc(uri: string): string {
  return toDigitalLink(uri) ?? uri;
}

const SGTIN_URN = 'urn:epc:id:sgtin:';
const SGTIN_DL = 'https://id.gs1.org/01/';
/** Characters of an SGTIN serial that need no escaping in either form: `[-.0-9;=A-Z_a-z']`. */
const PLAIN_SERIAL = new Uint8Array(128);
for (const c of "-.;=_'0123456789") PLAIN_SERIAL[c.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) PLAIN_SERIAL[c] = PLAIN_SERIAL[c + 32] = 1;

/** Whether `text` from `i` to its end is a plain SGTIN serial of 1 to 20 characters. */
function plainSerialFrom(text: string, i: number): boolean {
  const n = text.length - i;
  if (n < 1 || n > 20) return false;
  for (; i < text.length; i++) if (PLAIN_SERIAL[text.charCodeAt(i)] !== 1) return false;
  return true;
}

/**
 * Reads a run of digits from `i` into `scan` (its end, and the GS1 check-digit sum of the run as digits `first`,
 * `first + 1`... of a 13-digit data string: weight 3 at even positions, 1 at odd ones, GS1 General Specifications
 * §7.9.1).
 */
const scan = { end: 0, sum: 0 };
function scanDigits(text: string, i: number, first: number): void {
  let sum = 0;
  let even = first % 2 === 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    sum += even ? 3 * d : d;
    even = !even;
  }
  scan.end = i;
  scan.sum = sum;
}
const checkDigitOfSum = (sum: number): number => (10 - (sum % 10)) % 10;

/**
 * `toDigitalLink` of the most frequent EPCs, quickly: SGTIN URNs `urn:epc:id:sgtin:<6-12 digits>.<1-7 digits>.<serial>`
 * and canonical SGTIN Digital Links `https://id.gs1.org/01/<14 digits>/21/<serial>` whose serial needs no escaping
 * (`[-.0-9;=A-Z_a-z']`, so the text has no other `:` or `%`). Undefined for any other text (use `toDigitalLink`).
 * Same results as the general path (tested by property).
 */
export function sgtinDigitalLink(uri: string): string | null | undefined {
  const first = uri.charCodeAt(0);
  if (first === 117 /* u */ && uri.startsWith(SGTIN_URN)) {
    // GTIN data: indicator digit (first of the item reference), company prefix, rest of the item reference.
    const start = SGTIN_URN.length;
    scanDigits(uri, start, 1);
    const cpEnd = scan.end;
    let sum = scan.sum;
    const cpLength = cpEnd - start;
    if (cpLength < 6 || cpLength > 12 || uri.charCodeAt(cpEnd) !== 46 /* . */) return undefined;
    const indicator = uri.charCodeAt(cpEnd + 1) - 48;
    if (!(indicator >= 0 && indicator <= 9)) return undefined;
    scanDigits(uri, cpEnd + 2, cpLength + 1);
    const refEnd = scan.end;
    const refLength = refEnd - cpEnd - 1;
    if (refLength > 7 || uri.charCodeAt(refEnd) !== 46 || !plainSerialFrom(uri, refEnd + 1)) return undefined;
    if (cpLength + refLength !== 13) return undefined;
    sum += scan.sum + 3 * indicator;
    // One flat string: the query fields keep it with the event, and a template literal would keep 6 concatenation
    // nodes and 4 cut-out pieces of about 300 bytes, not 64.
    return flatConcat(
      SGTIN_DL,
      uri[cpEnd + 1]!,
      uri.slice(start, cpEnd),
      uri.slice(cpEnd + 2, refEnd),
      String(checkDigitOfSum(sum)),
      '/21/',
      uri.slice(refEnd + 1),
    );
  }
  if (first === 104 /* h */ && uri.startsWith(SGTIN_DL)) {
    const start = SGTIN_DL.length;
    const checkAt = start + 13;
    scanDigits(uri, start, 0);
    if (scan.end !== checkAt + 1 || !uri.startsWith('/21/', checkAt + 1) || !plainSerialFrom(uri, checkAt + 5)) {
      return undefined;
    }
    // The scan summed the check digit too, as a 14th digit at an odd position (weight 1): take it out.
    const check = uri.charCodeAt(checkAt) - 48;
    return checkDigitOfSum(scan.sum - check) === check ? uri : null;
  }
  return undefined;
}

/** Cheap pre-filter: only `urn:epc:` and http(s) URIs can be GS1 keys. */
function mayBeGs1(uri: string): boolean {
  return uri.startsWith('urn:epc:') || uri.startsWith('https://') || uri.startsWith('http://');
}
