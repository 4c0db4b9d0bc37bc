/**
 * A digest of an event's content, independent of key order, that tells an identical re-capture (nothing to store)
 * apart from a different event under the same eventID (a conflict). recordTime is excluded: the server owns it
 * (EPCIS 2.0 §7.4.1).
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../model/types';

function stableStringify(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(value[key] as JsonValue)}`).join(',')}}`;
}

export function contentHash(event: { [key: string]: JsonValue }): string {
  const { recordTime: _ignored, ...content } = event;
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}
