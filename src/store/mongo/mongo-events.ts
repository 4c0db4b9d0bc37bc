/**
 * Reads of events: only committed events are ever visible (staged ones belong to an undecided capture), and every
 * read carries `maxTimeMS` (SECURITY-AND-PERFORMANCE-NOTES 1.2.14).
 */
import type { Filter as MongoFilter } from 'mongodb';
import type { Filter, FindOptions } from '../event-store';
import type { StoredEvent } from '../stored-event';
import type { MongoContext } from './mongo-context';
import { read } from './mongo-errors';

/** The caller's filter AND visibility; `$and` keeps a caller's own `state` condition from replacing it. */
export function visible(filter: Filter): MongoFilter<StoredEvent> {
  return { $and: [filter, { state: 'committed' }] } as MongoFilter<StoredEvent>;
}

export function findEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<StoredEvent[]> {
  return read(() => {
    let cursor = ctx.events.find(visible(filter), { maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS });
    if (options.sort && options.sort.length > 0) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined && options.limit > 0) cursor = cursor.limit(options.limit);
    return cursor.toArray();
  });
}

export function countEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<number> {
  return read(() =>
    ctx.events.countDocuments(visible(filter), {
      maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS,
      ...(options.limit !== undefined && options.limit > 0 ? { limit: options.limit } : {}),
    }),
  );
}
