/**
 * The query fields of an event a store writes (DESIGN.md "precomputed query fields"): the ones it came with, else
 * those src/query computes (`queryFieldsOf`, the function capture uses) from the event as captured (keys decoded) and
 * the capture's namespaces. Used where a store computes them itself: as the MongoDB adapter writes each batch, as the
 * embedded store commits, and when its journal replays a record that left them out.
 */
import { decodeKeys, hasKeyToDecode } from '../model/key-codec';
import { queryFieldsOf } from '../query/query-fields';
import type { PreparedEvent, QueryFields } from './stored-event';

export function storedQueryFields(event: PreparedEvent, namespaces: Record<string, string>): QueryFields {
  if (event.q !== undefined) return event.q;
  const captured = hasKeyToDecode(event.event) ? decodeKeys(event.event) : event.event;
  return queryFieldsOf(captured, namespaces) as QueryFields;
}
