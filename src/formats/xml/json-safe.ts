/**
 * Safe construction of JSON objects from untrusted names (SECURITY-AND-PERFORMANCE-NOTES row 1.2.5): element
 * and attribute names such as `__proto__`, `constructor` or `prototype` become ordinary own data properties and
 * can never reach or replace a prototype.
 */
import type { JsonObject, JsonValue } from '../../model/types';

export const newObject = (): JsonObject => ({}) as JsonObject;

/**
 * Sets `obj[key] = value` as an own, enumerable data property, whatever the key. Plain assignment is safe for
 * every key but `__proto__` (whose setter would replace the prototype); `constructor` and `prototype` simply
 * become own properties.
 */
export function setKey(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else obj[key] = value;
}

export const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** Reads an own property only (never an inherited one such as `constructor`). */
export const own = (obj: JsonObject, key: string): JsonValue | undefined => (hasOwn(obj, key) ? obj[key] : undefined);

/** Adds a value under `key`, turning repeated keys into an array (EPCIS-DIGEST §f rule 8). */
export function addRepeated(obj: JsonObject, key: string, value: JsonValue, seen: Set<string>): void {
  const existing = own(obj, key);
  if (existing === undefined) {
    setKey(obj, key, value);
    return;
  }
  if (seen.has(key)) (existing as JsonValue[]).push(value);
  else {
    setKey(obj, key, [existing, value]);
    seen.add(key);
  }
}
