/**
 * Field-by-field comparison of events: the JSON paths where two values differ, as deep as both sides have the
 * same shape. Time fields are compared as instants (the same instant may be written with another offset or
 * another number of fractional digits).
 */
import { isDeepStrictEqual } from 'node:util';
import type { JsonValue } from '../../src/model/types';

const TIME_KEYS = new Set(['eventTime', 'recordTime', 'declarationTime', 'time', 'startTime', 'endTime']);

/** Paths where the two values differ, as deep as both sides have the same shape. */
export function differences(a: JsonValue | undefined, b: JsonValue | undefined, at = ''): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const key = at.slice(at.lastIndexOf('/') + 1);
  if (TIME_KEYS.has(key) && typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b)) {
    return [];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, JsonValue>)[k], (b as Record<string, JsonValue>)[k], `${at}/${k}`),
    );
  }
  return [at];
}
