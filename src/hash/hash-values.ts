/**
 * Value normalisation of the CBV 2.0 event hash (EPCIS-DIGEST §h rules 2, 3, 4, 7 and 8), matching the reference
 * implementation (pip `epcis-event-hash-generator`, the test oracle) where it is more precise than the digest.
 */
import { toDigitalLink } from '../identifiers/convert';

/** CBV URN prefixes the hash rewrites to Web URIs (§h rule 7; the reference rewrites these five only). */
const CBV_URN_TO_WEB: readonly (readonly [string, string])[] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/** A decimal number as a float literal accepts it (sign, digits with `_` separators, point, exponent). */
const FLOAT_LITERAL = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/**
 * §h rule 3: a numeric value is written without trailing zeros: integral values as integers (`26.0` -> `26`,
 * `1e3` -> `1000`), others in shortest round-trip form (`1e-05` below 1e-4). Non-numbers: null.
 */
export function canonicalNumber(text: string): string | null {
  if (!FLOAT_LITERAL.test(text)) return null;
  const x = Number(text.includes('_') ? text.replace(/_/g, '') : text);
  return Number.isFinite(x) ? formatNumber(x) : null;
}

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return Math.abs(x) < 1e21 ? String(x === 0 ? 0 : x) : BigInt(x).toString();
  if (Math.abs(x) >= 1e-4) return String(x);
  return x.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * §h rule 4: a timestamp in UTC with `Z` and exactly 3 fractional digits. Like the reference, the fraction is cut
 * to microseconds, then rounded half to even at the millisecond (`.1425` -> `.142`, `.1435` -> `.144`). A value
 * without offset is taken as UTC. Text that is not a timestamp is returned unchanged.
 */
export function canonicalTimestamp(text: string): string {
  const m = TIMESTAMP.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return text;
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  let millis = Math.floor(micros / 1000);
  const rest = micros % 1000;
  if (rest > 500 || (rest === 500 && millis % 2 === 1)) millis += 1;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * (zone[0] === '-' ? -1 : 1);
  }
  const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), hour, minute, second, millis));
  date.setUTCFullYear(Number(y));
  if (date.getUTCDate() !== Number(d) && millis < 1000) return text;
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString();
}

/** §h rules 2, 7, 8 and 3 on a leaf value: CBV URNs to Web URIs, numbers, GS1 keys to canonical Digital Links. */
export function canonicalValue(text: string): string {
  let value = text;
  if (value.includes('urn:epcglobal:cbv:')) {
    for (const [urn, web] of CBV_URN_TO_WEB) value = value.split(urn).join(web);
  }
  const number = canonicalNumber(value);
  if (number !== null) return number;
  if (value.startsWith('urn:epc:') || value.startsWith('http')) return toDigitalLink(value) ?? value;
  return value;
}
