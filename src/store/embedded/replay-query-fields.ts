/**
 * The query fields of replayed events. A finish record that names the namespaces of its events' query fields holds
 * the events without `q` (journal-codec.ts `journalForm`); replay computes `q` again, with the function capture uses
 * (src/query `queryFieldsOf`) on the event as captured (keys decoded) and those namespaces: the same inputs, so the
 * same fields as before the restart. A record that holds its events' `q` (no namespaces) is replayed as it is.
 */
import { decodeKeys, hasKeyToDecode } from '../../model/key-codec';
import { queryFieldsOf } from '../../query/query-fields';
import type { QueryFields } from '../stored-event';
import type { JournalRecord } from './embedded-state';

/** Gives every event of a replayed finish record its query fields when the journal left them out, in place. */
export function restoreQueryFields(record: JournalRecord): JournalRecord {
  if (record.op !== 'finish' || record.namespaces === undefined) return record;
  for (const event of record.events) {
    if (event.q !== undefined) continue;
    const captured = hasKeyToDecode(event.event) ? decodeKeys(event.event) : event.event;
    event.q = queryFieldsOf(captured, record.namespaces) as QueryFields;
  }
  return record;
}
