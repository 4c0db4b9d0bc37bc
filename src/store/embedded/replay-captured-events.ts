/**
 * The contents of replayed events whose finish record holds the captured JSON document they come from
 * (journal-codec.ts `recordJsonPieces`): there, each event's `event` is its place in the document's event list, and
 * replay rebuilds its content from the document as capture built it (stored-content.ts): the same inputs, so the
 * same content, key order included.
 */
import type { JsonObject, JsonValue } from '../../model/types';
import { storedContent } from '../stored-content';
import type { JournalRecord } from './embedded-state';

/** A finish record's captured document as parsed from the journal. */
interface ParsedSource {
  eventList: string;
  document: JsonValue;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a JSON pointer (RFC 6901), or undefined. */
function atPointer(document: JsonValue, pointer: string): JsonValue | undefined {
  let value: JsonValue | undefined = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) value = value[Number(key)];
    else if (isObject(value) && Object.hasOwn(value, key)) value = value[key];
    else return undefined;
  }
  return value;
}

function parsedSource(value: unknown): ParsedSource {
  if (!isObject(value) || typeof value['eventList'] !== 'string' || !Object.hasOwn(value, 'document'))
    throw new Error('journal: a finish record with a malformed captured document');
  return { eventList: value['eventList'], document: value['document']! };
}

/** Gives every event of a replayed finish record its content from the record's captured document, in place. */
export function restoreCapturedEvents(record: JournalRecord): JournalRecord {
  if (record.op !== 'finish' || record.source === undefined) return record;
  const source = parsedSource(record.source);
  const list = atPointer(source.document, source.eventList);
  if (!Array.isArray(list))
    throw new Error(`journal: a captured document without an event list at ${source.eventList}`);
  for (const event of record.events) {
    const place: unknown = event.event;
    const captured = typeof place === 'number' ? list[place] : undefined;
    if (!isObject(captured))
      throw new Error(`journal: event ${event._id} refers to ${String(place)}, not an event of its captured document`);
    event.event = storedContent(captured, event.eventID, event.eventIDAssigned);
  }
  delete record.source;
  return record;
}
