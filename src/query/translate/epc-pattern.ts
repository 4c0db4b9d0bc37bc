/**
 * `MATCH_*` values (EPCIS-DIGEST §b.1, EPCIS 1.2 §8.2.7.1.1): an EPC/class identifier matches itself; an EPC
 * pattern `urn:epc:idpat:<scheme>:<f1>.<f2>...` with trailing `*` fields matches every identifier that agrees
 * on the fixed fields. Stored identifiers are in canonical form (GS1 Digital Link for GS1 keys, see
 * query-fields.ts), so a pattern becomes exact values plus PREFIXES of that canonical form, and also of the URN
 * form for identifiers that have no DL equivalent (private schemes) or were left as URNs.
 *
 * Known limit: a DL GTIN does not record the GS1 company prefix length, so `0614141.*.*` also finds GTINs whose
 * digits merely begin the same way under a longer company prefix.
 */
import { parseEpcPattern } from '../params/epc-pattern-syntax';
import { gtin14, withCheckDigit } from './gs1-keys';

export const DL_BASE = 'https://id.gs1.org/';

export interface EpcMatch {
  exact: string[];
  prefixes: string[];
}

type SchemeRule = (fixed: string[]) => EpcMatch | null;

const ALL_INDICATORS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const m = (exact: string[], prefixes: string[]): EpcMatch => ({ exact, prefixes });

/** GTIN-based keys: `ai` then GTIN-14 then `next` (e.g. `/21/`). */
const gtinRule =
  (ai: string, next: (gtin: string, rest: string[]) => EpcMatch): SchemeRule =>
  ([cp, ir, ...rest]) => {
    if (cp === undefined) return m([], [`${DL_BASE}${ai}/`]);
    if (ir === undefined) {
      return /^\d+$/.test(cp)
        ? m(
            [],
            ALL_INDICATORS.map((d) => `${DL_BASE}${ai}/${d}${cp}`),
          )
        : null;
    }
    const gtin = gtin14(cp, ir);
    return gtin === null ? null : next(gtin, rest);
  };

/** Keys made of company prefix + reference (+ check digit when `length` is given) after `ai`. */
const keyRule =
  (ai: string, length: number | null, serialSeparator: string | null): SchemeRule =>
  ([cp, ref]) => {
    if (cp === undefined) return m([], [`${DL_BASE}${ai}/`]);
    if (!/^\d+$/.test(cp)) return null;
    if (ref === undefined) return m([], [`${DL_BASE}${ai}/${cp}`]);
    const key = length === null ? cp + ref : withCheckDigit(cp, ref, length);
    if (key === null) return null;
    if (serialSeparator === null) return m([], [`${DL_BASE}${ai}/${key}`]);
    return m([`${DL_BASE}${ai}/${key}`], [`${DL_BASE}${ai}/${key}${serialSeparator}`]);
  };

/** Pattern rules per EPC scheme (TDS 2.x URN layouts and their GS1 Digital Link equivalents). */
const SCHEMES: Readonly<Record<string, SchemeRule>> = {
  sgtin: gtinRule('01', (gtin) => m([`${DL_BASE}01/${gtin}`], [`${DL_BASE}01/${gtin}/`])),
  upui: gtinRule('01', (gtin) => m([], [`${DL_BASE}01/${gtin}/235/`])),
  itip: gtinRule('8006', (gtin, [piece, total]) =>
    piece === undefined
      ? m([], [`${DL_BASE}8006/${gtin}`])
      : total === undefined
        ? m([], [`${DL_BASE}8006/${gtin}${piece}`])
        : m([], [`${DL_BASE}8006/${gtin}${piece}${total}/21/`]),
  ),
  sscc: ([cp]) =>
    cp === undefined
      ? m([], [`${DL_BASE}00/`])
      : /^\d+$/.test(cp)
        ? m(
            [],
            ALL_INDICATORS.map((d) => `${DL_BASE}00/${d}${cp}`),
          )
        : null,
  sgln: keyRule('414', 13, '/254/'),
  // GRAI: AI 8003 holds "0" + company prefix + asset type + check digit, then the serial.
  grai: ([cp, type]) => {
    if (cp === undefined) return m([], [`${DL_BASE}8003/0`]);
    if (!/^\d+$/.test(cp)) return null;
    if (type === undefined) return m([], [`${DL_BASE}8003/0${cp}`]);
    const key = withCheckDigit(cp, type, 13);
    return key === null ? null : m([], [`${DL_BASE}8003/0${key}`]);
  },
  giai: keyRule('8004', null, null),
  gsrn: keyRule('8018', 18, null),
  gsrnp: keyRule('8017', 18, null),
  gdti: keyRule('253', 13, null),
  sgcn: keyRule('255', 13, null),
  cpi: keyRule('8010', null, '/8011/'),
  ginc: keyRule('401', null, null),
  gsin: keyRule('402', 17, null),
  pgln: keyRule('417', 13, null),
};

/** Exact values and prefixes a `MATCH_*` value stands for. Malformed patterns raise QueryParameterException. */
export function epcMatch(value: string, canonicalEpc: (uri: string) => string): EpcMatch {
  const unique = (list: string[]) => [...new Set(list)];
  const pattern = parseEpcPattern(value);
  if (pattern === null) return m(unique([canonicalEpc(value), value]), []);
  const { scheme, fields, fixed } = pattern;
  // A pattern without "*" denotes one identifier; with "*" fields, a class-level idpat may also be stored as is.
  const idUrn = `urn:epc:id:${scheme}:${fields.join('.')}`;
  if (fixed.length === fields.length) return m(unique([canonicalEpc(idUrn), idUrn]), []);
  const urnPrefix = (kind: string) => `urn:epc:${kind}:${scheme}:${fixed.map((f) => `${f}.`).join('')}`;
  const exact = [canonicalEpc(value), value];
  const prefixes = [urnPrefix('id')];
  if (scheme === 'sgtin') prefixes.push(`urn:epc:class:lgtin:${fixed.map((f) => `${f}.`).join('')}`);
  const rule = Object.hasOwn(SCHEMES, scheme.toLowerCase()) ? SCHEMES[scheme.toLowerCase()] : undefined;
  const dl = rule?.(fixed) ?? null;
  if (dl !== null) {
    exact.push(...dl.exact);
    prefixes.push(...dl.prefixes);
  }
  return m(unique(exact), unique(prefixes));
}
