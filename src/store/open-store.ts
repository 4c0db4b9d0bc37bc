/**
 * Chooses and opens the store (DESIGN.md "Configuration": `MONGODB_URI` unset = embedded store in
 * `EPCIS_DATA_DIR`). Only the entry point reads the environment; it passes the values here.
 */
import { EmbeddedEventStore } from './embedded/embedded-event-store';
import type { EventStore } from './event-store';
import { MongoEventStore } from './mongo/mongo-event-store';

export interface StoreConfig {
  mongodbUri?: string;
  dbName?: string;
  dataDir: string;
  /** MongoDB only: a stable identity of this instance across restarts (see MongoEventStoreOptions). */
  instanceId?: string;
}

export async function openStore(config: StoreConfig): Promise<EventStore> {
  const store: EventStore = config.mongodbUri
    ? new MongoEventStore({
        uri: config.mongodbUri,
        ...(config.dbName ? { dbName: config.dbName } : {}),
        ...(config.instanceId ? { instanceId: config.instanceId } : {}),
      })
    : new EmbeddedEventStore({ dataDir: config.dataDir });
  await store.open();
  return store;
}
