/**
 * Which index layout a database has. Databases written by an earlier version have one index per equality query
 * family and events without index terms (index-terms.ts). Giving every stored event its terms would cost FerretDB
 * one full scan per updated event (measured: 1,500 events did not finish in two minutes), and rewriting them
 * through delete and insert could lose events in a crash. So such a database keeps its layout: its indexes stay,
 * and its reads are not given terms. An empty one is moved to the terms layout. The same version released the
 * claims of committed events, so on such a database a capture also looks up every key it claims (mongo-staging.ts).
 */
import type { Collection } from 'mongodb';
import type { StoredEvent } from '../stored-event';
import { isObsoleteEventIndex } from './index-specs';
import { retrying } from './mongo-errors';

/** Whether reads add index terms; drops the earlier layout's indexes when the database holds no event yet. */
export async function usesIndexTerms(events: Collection<StoredEvent>): Promise<boolean> {
  const names = (
    await events
      .listIndexes()
      .toArray()
      .catch(() => [])
  ).map((index) => String(index.name));
  const earlier = names.filter(isObsoleteEventIndex);
  if (earlier.length === 0) return true;
  if ((await retrying(() => events.estimatedDocumentCount())) > 0) return false;
  for (const name of earlier) await retrying(() => events.dropIndex(name));
  return true;
}
