/**
 * A digest of an event's content, independent of key order, that tells an identical re-capture (nothing to store)
 * apart from a different event under the same eventID (a conflict). recordTime is excluded: the server owns it
 * (EPCIS 2.0 §7.4.1).
 */
import { createHash } from 'node:crypto';
import { decodeKeys } from '../model/key-codec';
import type { JsonObject, JsonValue } from '../model/types';
import type { StoredEvent } from './stored-event';

/** JSON text with every object's keys sorted (code-unit order), built by appending rather than mapping and joining. */
function stableStringify(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + stableStringify(value[i]!);
    return `${out}]`;
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${stableStringify(value[key] as JsonValue)}`;
  }
  return `${out}}`;
}

export function contentHash(event: { [key: string]: JsonValue }): string {
  const { recordTime: _ignored, ...content } = event;
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

/**
 * The content digest of a stored event: the one recorded at capture (hash-identified events carry their eventID),
 * else computed from the stored content. Only a capture that meets an existing key needs it, so events with a given
 * eventID are not digested up front.
 */
export function contentDigest(stored: Pick<StoredEvent, 'contentHash' | 'event'>): string {
  return stored.contentHash ?? contentHash(decodeKeys(stored.event as JsonObject));
}
