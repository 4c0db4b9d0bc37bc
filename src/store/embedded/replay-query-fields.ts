/**
 * The query fields of replayed events. A finish record that names the namespaces of its events' query fields holds
 * the events without `q` (journal-codec.ts `journalForm`); replay computes `q` again, with the function capture uses
 * (stored-query-fields.ts) on the event as captured (keys decoded) and those namespaces: the same inputs, so the
 * same fields as before the restart. A record that holds its events' `q` (no namespaces) is replayed as it is.
 */
import { storedQueryFields } from '../stored-query-fields';
import type { JournalRecord } from './embedded-state';

/** Gives every event of a replayed finish record its query fields when the journal left them out, in place. */
export function restoreQueryFields(record: JournalRecord): JournalRecord {
  if (record.op !== 'finish' || record.namespaces === undefined) return record;
  for (const event of record.events) event.q = storedQueryFields(event, record.namespaces);
  return record;
}
