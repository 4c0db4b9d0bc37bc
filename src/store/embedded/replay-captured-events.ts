/**
 * The stored events of a replayed finish record written in the document form (journal-codec.ts `recordJsonPieces`):
 * the record holds the captured JSON document, and for each stored event its place in the document's event list and
 * what capture decided about it. Replay rebuilds each stored event with the function capture uses (stored-form.ts):
 * the same inputs, so the same event, key order included; its query fields come after (replay-query-fields.ts).
 */
import type { JsonObject, JsonValue } from '../../model/types';
import type { StoredEvent } from '../stored-event';
import { storedForm, withoutClientRecordTime } from '../stored-form';
import type { JournalRecord } from './embedded-state';

/** A finish record's captured document as parsed from the journal. */
interface ParsedSource {
  eventList: string;
  owner: string;
  recordTime: number;
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
  if (
    !isObject(value) ||
    typeof value['eventList'] !== 'string' ||
    typeof value['owner'] !== 'string' ||
    typeof value['recordTime'] !== 'number' ||
    !Object.hasOwn(value, 'document')
  )
    throw new Error('journal: a finish record with a malformed captured document');
  return {
    eventList: value['eventList'],
    owner: value['owner'],
    recordTime: value['recordTime'],
    document: value['document']!,
  };
}

/** An event's journal entry: its place, and its eventID when that is its CBV 2.0 hash (with eventIDAssigned). */
function entryOf(entry: unknown): { place: number; hashed?: { eventID: string; eventIDAssigned: boolean } } {
  if (typeof entry === 'number') return { place: entry };
  if (
    Array.isArray(entry) &&
    entry.length === 3 &&
    typeof entry[0] === 'number' &&
    typeof entry[1] === 'string' &&
    typeof entry[2] === 'boolean'
  )
    return { place: entry[0], hashed: { eventID: entry[1], eventIDAssigned: entry[2] } };
  throw new Error(`journal: a malformed event entry ${JSON.stringify(entry)?.slice(0, 200)}`);
}

/** Gives a replayed finish record in the document form its stored events, in place. */
export function restoreCapturedEvents(record: JournalRecord): JournalRecord {
  if (record.op !== 'finish' || record.source === undefined) return record;
  const source = parsedSource(record.source);
  const namespaces = record.namespaces;
  if (namespaces === undefined) throw new Error('journal: a captured document without the namespaces of its capture');
  const list = atPointer(source.document, source.eventList);
  if (!Array.isArray(list))
    throw new Error(`journal: a captured document without an event list at ${source.eventList}`);
  // One recordTime for the capture's events, as at commit (embedded-commit.ts).
  const recordTime = new Date(source.recordTime);
  record.events = (record.events as unknown[]).map((item): StoredEvent => {
    const { place, hashed } = entryOf(item);
    const captured = list[place];
    const given = isObject(captured) ? captured['eventID'] : undefined;
    const eventID = hashed?.eventID ?? given;
    if (!isObject(captured) || typeof eventID !== 'string')
      throw new Error(`journal: no event with an eventID at ${source.eventList}/${place} of a captured document`);
    const eventIDAssigned = hashed?.eventIDAssigned ?? false;
    const decisions = { eventID, eventIDAssigned, hashIdentified: hashed !== undefined };
    const stored = storedForm(
      withoutClientRecordTime(captured, eventIDAssigned),
      { ...decisions, captureID: record.captureID, owner: source.owner },
      namespaces,
    ) as StoredEvent;
    stored.state = 'committed';
    stored.recordTime = recordTime;
    return stored;
  });
  delete record.source;
  return record;
}
