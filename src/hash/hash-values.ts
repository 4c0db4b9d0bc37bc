/**
 * Value normalisation of the CBV 2.0 event hash (EPCIS-DIGEST §h rules 2, 3, 4, 7 and 8), matching the reference
 * implementation (pip `epcis-event-hash-generator`, the test oracle) where it is more precise than the digest.
 */
import { remembered } from '../model/bounded-memo';
import { sgtinDigitalLink, toDigitalLink } from '../identifiers/convert';

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
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? String(x === 0 ? 0 : x) : BigInt(x).toString();
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
  const fast = fastTimestamp(text);
  if (fast !== undefined) return fast;
  const m = TIMESTAMP.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * (zone[0] === '-' ? -1 : 1);
  }
  const micros = Number(frac.padEnd(6, '0').slice(0, 6));
  const utc = toUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), micros, offsetMinutes);
  return utc ?? text;
}

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
const twoDigits = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/** `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` read without a regex (the common case); undefined otherwise. */
function fastTimestamp(t: string): string | undefined {
  const n = t.length;
  if (n < 20 || t[4] !== '-' || t[7] !== '-' || t[10] !== 'T' || t[13] !== ':' || t[16] !== ':') return undefined;
  let i = 19;
  let micros = 0;
  if (t[i] === '.') {
    let count = 0;
    for (i++; i < n && !Number.isNaN(digit(t, i)); i++, count++) if (count < 6) micros = micros * 10 + digit(t, i);
    if (count === 0) return undefined;
    for (; count < 6; count++) micros *= 10;
  }
  let offsetMinutes: number;
  if (i === n - 1 && t[i] === 'Z') offsetMinutes = 0;
  else if (i === n - 6 && (t[i] === '+' || t[i] === '-') && t[i + 3] === ':') {
    offsetMinutes = (twoDigits(t, i + 1) * 60 + twoDigits(t, i + 4)) * (t[i] === '-' ? -1 : 1);
  } else return undefined;
  const year = twoDigits(t, 0) * 100 + twoDigits(t, 2);
  const month = twoDigits(t, 5);
  const day = twoDigits(t, 8);
  const hour = twoDigits(t, 11);
  const minute = twoDigits(t, 14);
  const second = twoDigits(t, 17);
  // NaN (a non-digit) fails every comparison: the regex path then decides.
  if (!(year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && offsetMinutes > -6040)) {
    return undefined;
  }
  return toUtc(year, month, day, hour, minute, second, micros, offsetMinutes) ?? t;
}

/** Milliseconds of `micros` rounded half to even, like the reference (may be 1000). */
function roundedMillis(micros: number): number {
  const millis = Math.floor(micros / 1000);
  const rest = micros % 1000;
  return rest > 500 || (rest === 500 && millis % 2 === 1) ? millis + 1 : millis;
}

/** `00`..`99` and `000`..`999`, made once (no number-to-text conversion per timestamp). */
const PAD2 = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
/** `YYYY-MM-DDT` by day number (few distinct days per capture); bounded. */
const dayTexts = new Map<number, string>();

/**
 * `toUtc` of a valid date in integer arithmetic (proleptic Gregorian days, no Date object), for years 1000..9998,
 * whose instant in UTC (at most a few days away) still has a four-digit year.
 */
function utcText(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  micros: number,
  offsetMinutes: number,
): string {
  const minutes = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes;
  const ms = (minutes * 60 + second) * 1000 + roundedMillis(micros);
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const mi = rest % 60;
  const h = (rest - mi) / 60;
  const date = remembered(dayTexts, days, 4096, dayText);
  return `${date}${PAD2[h] as string}:${PAD2[mi] as string}:${PAD2[s] as string}.${PAD3[millis] as string}Z`;
}

/** `YYYY-MM-DDT` of a day count from 1970-01-01 (H. Hinnant's civil-from-days; here days >= -354_000, `era` >= 0). */
function dayText(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${PAD2[m] as string}-${PAD2[d] as string}T`;
}

/** Days from 1970-01-01 to a proleptic Gregorian date of a year >= 1. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Rounds to the millisecond (half to even, like the reference) and writes the instant in UTC; null if invalid. */
function toUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  micros: number,
  offsetMinutes: number,
): string | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (year >= 1000 && year <= 9998) return utcText(year, month, day, hour, minute, second, micros, offsetMinutes);
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, roundedMillis(micros));
  if (year < 100) {
    const date = new Date(utc);
    date.setUTCFullYear(year);
    utc = date.getTime();
  }
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the text can start a float literal (sign, digit or point): a cheap guard before the regex. */
const mayBeNumber = (c: number): boolean => (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;

/** Recently normalised values (CBV values, locations, classes, units repeat across events); bounded, pure. */
const valueCache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** §h rules 2, 7, 8 and 3 on a leaf value: CBV URNs to Web URIs, numbers, GS1 keys to canonical Digital Links. */
export function canonicalValue(text: string): string {
  const cached = valueCache.get(text);
  if (cached !== undefined) return cached;
  // SGTINs (the bulk of EPCs, mostly unique): no CBV URN, no number, so only rule 8 applies; not cached (churn).
  const sgtin = sgtinDigitalLink(text);
  if (sgtin !== undefined) return sgtin ?? text;
  const out = normalise(text);
  if (text.startsWith('urn:epc:id:sgtin:') || text.startsWith('https://id.gs1.org/01/')) return out;
  if (valueCache.size >= CACHE_LIMIT) valueCache.clear();
  valueCache.set(text, out);
  return out;
}

function normalise(text: string): string {
  let value = text;
  if (value.includes('urn:epcglobal:cbv:')) {
    for (const [urn, web] of CBV_URN_TO_WEB) if (value.includes(urn)) value = value.split(urn).join(web);
  }
  if (mayBeNumber(value.charCodeAt(0))) {
    const number = canonicalNumber(value);
    if (number !== null) return number;
  }
  if (value.startsWith('urn:epc:') || value.startsWith('http')) return toDigitalLink(value) ?? value;
  return value;
}
