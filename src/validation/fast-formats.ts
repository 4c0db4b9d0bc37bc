/**
 * The JSON Schema formats every event uses, `uri` (RFC 3986 absolute URI) and `date-time` (RFC 3339), with the same
 * verdicts as ajv-formats' full formats, faster for the usual values. Every event carries several URIs (EPCs,
 * locations, eventID, business transactions) and at least one date-time (eventTime), and the full checks are costly
 * (one large expression; a split and two matches). A simple check accepts the usual shapes first, each a strict
 * subset of what the full check accepts; anything else gets the full check.
 */
import { fullFormats } from 'ajv-formats/dist/formats';
import type { FormatDefinition } from 'ajv';

/** `urn:epc:id:sgtin:0614141.107346.2017`, `urn:uuid:...`: RFC 3986 `scheme ":" path-rootless`, one segment. */
const SCHEME_AND_SEGMENT = /^[a-z][a-z0-9+\-.]*:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+$/i;

/** `https://id.gs1.org/01/...`: RFC 3986 `scheme "://" reg-name path-abempty` (no user, port, query, fragment). */
const SCHEME_HOST_PATH = /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~]*(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*$/i;

const fullUri = fullFormats.uri as (value: string) => boolean;

export const isUri = (value: string): boolean =>
  SCHEME_AND_SEGMENT.test(value) || SCHEME_HOST_PATH.test(value) || fullUri(value);

const fullDateTime = fullFormats['date-time'] as FormatDefinition<string> & {
  validate: (value: string) => boolean;
};

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the two decimal digits at `at`, or -1. */
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const units = value.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/**
 * Whether `value` is `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` denoting a real calendar date and a time
 * without a leap second: a form the full check accepts. False says nothing (the full check decides).
 */
function isPlainDateTime(value: string): boolean {
  const length = value.length;
  if (length < 20 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84)
    return false;
  if (value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return false; // '-', 'T', ':'
  const century = twoDigits(value, 0);
  const yearInCentury = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (century < 0 || yearInCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yearInCentury;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!)) return false;
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  let at = 19;
  if (value.charCodeAt(at) === 46 /* . */) {
    at += 1;
    const digits = at;
    while (at < length && value.charCodeAt(at) >= 48 && value.charCodeAt(at) <= 57) at += 1;
    if (at === digits) return false;
  }
  if (at === length - 1) return value.charCodeAt(at) === 90; // Z
  if (at !== length - 6) return false;
  const sign = value.charCodeAt(at);
  if ((sign !== 43 && sign !== 45) || value.charCodeAt(at + 3) !== 58) return false; // + - :
  const offsetHour = twoDigits(value, at + 1);
  const offsetMinute = twoDigits(value, at + 4);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}

export const isDateTime = (value: string): boolean => isPlainDateTime(value) || fullDateTime.validate(value);

/** The `date-time` format: the check above, and the full format's comparison (for formatMinimum and the like). */
export const dateTimeFormat: FormatDefinition<string> = { ...fullDateTime, validate: isDateTime };
