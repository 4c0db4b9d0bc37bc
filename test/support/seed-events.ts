/**
 * Bulk seeding of committed events for query tests and benchmarks: events go through the real preparation
 * (eventID, identity key, precomputed query fields; src/capture/prepare-event.ts) and are written in the store's
 * committed form. For the MongoDB store they are inserted directly (the capture path is exercised by the capture
 * tests; capturing tens of thousands of events through it on FerretDB takes minutes); for the embedded store
 * through commitCapture.
 */
import { MongoClient } from 'mongodb';
import { prepareEvent } from '../../src/capture/prepare-event';
import type { JsonObject, VocabularyElementRecord } from '../../src/model/types';
import { eventPreparation } from '../../src/server/compose';
import type { EventStore } from '../../src/store/event-store';
import { withTerms } from '../../src/store/mongo/index-terms';
import type { StoredEvent } from '../../src/store/stored-event';
import { storedQueryFields } from '../../src/store/stored-query-fields';
import { EXAMPLE_NS } from './event-factory';

export const SEED_NAMESPACES = { example: EXAMPLE_NS };

export function preparedEvents(events: JsonObject[], captureID: string, recordTime: Date): StoredEvent[] {
  return events.map((event) => {
    const prepared = prepareEvent(
      event,
      { captureID, owner: 'anonymous', namespaces: SEED_NAMESPACES },
      eventPreparation,
    );
    return { ...prepared, q: storedQueryFields(prepared, SEED_NAMESPACES), state: 'committed' as const, recordTime };
  });
}

/** Inserts committed events straight into a MongoDB database of the store (collection `events`, with index terms). */
export async function seedMongo(uri: string, dbName: string, events: StoredEvent[], batch = 2000): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const collection = client.db(dbName).collection<StoredEvent>('events');
    for (let start = 0; start < events.length; start += batch)
      await collection.insertMany(events.slice(start, start + batch).map(withTerms), { ordered: false });
  } finally {
    await client.close();
  }
}

/** Commits events to a store through the port, in captures of `batch` events. */
export async function seedStore(
  store: EventStore,
  events: StoredEvent[],
  batch = 2000,
  vocabulary: VocabularyElementRecord[] = [],
): Promise<void> {
  // At least one commit when there is master data, even without events.
  for (let start = 0; start < events.length || (start === 0 && vocabulary.length > 0); start += batch) {
    const captureID = `seed-${start}-${Date.now().toString(36)}`;
    await store.createJob({
      captureID,
      running: true,
      success: false,
      captureErrorBehaviour: 'rollback',
      createdAt: new Date(),
      finishedAt: null,
      errors: [],
      owner: 'anonymous',
      eventCount: Math.min(batch, events.length - start),
      storedCount: 0,
      duplicateCount: 0,
    });
    await store.commitCapture({
      captureID,
      behaviour: 'rollback',
      events: events.slice(start, start + batch).map((event) => ({ ...event, state: 'staged', recordTime: null })),
      vocabulary: start === 0 ? vocabulary : [],
      decide: (statuses) => ({ success: statuses.every((s) => s === 'stored'), errors: [] }),
    });
  }
}
