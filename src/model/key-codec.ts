/**
 * Reversible encoding of object keys for storage. JSON-LD extension keys may contain `.` or start with `$`
 * (legal in EPCIS 2.0 JSON, e.g. an XML namespace URI or `{"$gt": 1}` inside an extension), which MongoDB
 * would treat as paths or operators. Every key is percent-encoded for `%`, `.` and a leading `$`;
 * standard EPCIS keys contain none of these, so they are stored unchanged.
 */
import type { JsonValue } from './types';

const NEEDS_ENCODING = /[%.]|^\$/;
const NEEDS_DECODING = /%(25|2E|24)/;
const DOLLAR = '$'.charCodeAt(0);

/** Whether `encodeKey` changes a key (`NEEDS_ENCODING`, tested without a regular expression: it runs on every key). */
export const keyNeedsEncoding = (key: string): boolean =>
  key.charCodeAt(0) === DOLLAR || key.includes('.') || key.includes('%');

export function encodeKey(key: string): string {
  if (!keyNeedsEncoding(key)) return key;
  const escaped = key.replace(/%/g, '%25').replace(/\./g, '%2E');
  return escaped.startsWith('$') ? `%24${escaped.slice(1)}` : escaped;
}

export function decodeKey(key: string): string {
  if (!NEEDS_DECODING.test(key)) return key;
  return key.replace(/%(25|2E|24)/g, (_m, code: string) => (code === '25' ? '%' : code === '2E' ? '.' : '$'));
}

/** A deep copy of `value` with every key mapped by `codec`. `defineProperty` keeps `__proto__` an inert own key. */
function mapKeys(value: JsonValue, codec: (key: string) => string): JsonValue {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, codec));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value)) {
    const mapped = codec(key);
    if (mapped === '__proto__')
      Object.defineProperty(out, mapped, {
        value: mapKeys(child, codec),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[mapped] = mapKeys(child, codec);
  }
  return out;
}

/** Whether any key of `value`, at any depth, passes `test`. */
function hasKey(value: JsonValue, test: RegExp): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasKey(item, test));
  for (const key in value) if (Object.hasOwn(value, key) && (test.test(key) || hasKey(value[key]!, test))) return true;
  return false;
}

/** Whether any key of `value`, at any depth, needs encoding. */
const hasKeyToEncode = (value: JsonValue): boolean => hasKey(value, NEEDS_ENCODING);

/**
 * Whether any key of `value`, at any depth, was changed by `encodeKeys`: an encoded key holds `%25`, `%2E` or `%24`,
 * and a key that needs no encoding holds no `%` at all.
 */
export const hasKeyToDecode = (value: JsonValue): boolean => hasKey(value, NEEDS_DECODING);

/**
 * Encodes every key, at every depth. A value with nothing to encode (the usual case: standard EPCIS keys and
 * plain extension names) is returned as it is, not copied: the capture pipeline owns the freshly parsed event.
 */
export const encodeKeys = <T extends JsonValue>(value: T): T =>
  hasKeyToEncode(value) ? (mapKeys(value, encodeKey) as T) : value;
/** Decodes every key, at every depth, into a new value (reads may modify what they get). */
export const decodeKeys = <T extends JsonValue>(value: T): T => mapKeys(value, decodeKey) as T;
