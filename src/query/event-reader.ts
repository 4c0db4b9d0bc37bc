/**
 * The read side's paging over committed events: a stable order (recordTime, then identity key) and keyset
 * pagination on it, so that pages stay correct while other clients keep capturing (EPCIS-DIGEST §a pagination).
 */
import type { JsonValue } from '../model/types';
import type { EventStore, Filter } from '../store/event-store';
import type { StoredEvent } from '../store/stored-event';

export interface EventPage {
  events: StoredEvent[];
  /** Keyset position after the last event, when there is a next page. */
  next: JsonValue[] | null;
}

export class EventReader {
  constructor(
    private readonly store: EventStore,
    private readonly maxTimeMS: number,
  ) {}

  async page(filter: Filter, perPage: number, after: JsonValue[] | null): Promise<EventPage> {
    const conditions: Filter[] = Object.keys(filter).length > 0 ? [filter] : [];
    if (after) {
      const [time, id] = after;
      const recordTime = new Date(String(time));
      conditions.push({ $or: [{ recordTime: { $gt: recordTime } }, { recordTime, _id: { $gt: String(id) } }] });
    }
    const where = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
    const found = await this.store.findEvents(where, {
      sort: [
        ['recordTime', 1],
        ['_id', 1],
      ],
      limit: perPage + 1,
      maxTimeMS: this.maxTimeMS,
    });
    const events = found.slice(0, perPage);
    const last = events[events.length - 1];
    const next = found.length > perPage && last ? [last.recordTime?.toISOString() ?? null, last._id] : null;
    return { events, next };
  }

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
