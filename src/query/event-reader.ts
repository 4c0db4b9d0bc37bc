/**
 * Reads of single events (GET /events/{eventID}). Queries and their keyset pagination are query-service.ts.
 */
import type { EventStore } from '../store/event-store';
import type { StoredEvent } from '../store/stored-event';

export class EventReader {
  constructor(
    private readonly store: EventStore,
    private readonly maxTimeMS: number,
  ) {}

  /** An event and its error declarations (EPCIS 2.0 REST binding, GET /events/{eventID}). */
  async byEventID(eventID: string): Promise<StoredEvent[]> {
    return this.store.findEvents(
      { eventID },
      {
        sort: [
          ['isErrorDeclaration', 1],
          ['recordTime', 1],
        ],
        maxTimeMS: this.maxTimeMS,
      },
    );
  }
}
