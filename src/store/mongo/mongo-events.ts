/**
 * Reads of events: only committed events of captures that are not pending are ever visible (mongo-pending.ts),
 * and every read carries `maxTimeMS` (SECURITY-AND-PERFORMANCE-NOTES 1.2.14).
 */
import type { Filter, FindOptions } from '../event-store';
import type { StoredEvent } from '../stored-event';
import type { MongoContext } from './mongo-context';
import { read } from './mongo-errors';
import { visibleFilter } from './mongo-pending';

export async function findEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<StoredEvent[]> {
  const visible = await visibleFilter(ctx, filter);
  return read(() => {
    let cursor = ctx.events.find(visible, { maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS });
    if (options.sort && options.sort.length > 0) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined && options.limit > 0) cursor = cursor.limit(options.limit);
    return cursor.toArray();
  });
}

export async function countEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<number> {
  const visible = await visibleFilter(ctx, filter);
  return read(() =>
    ctx.events.countDocuments(visible, {
      maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS,
      ...(options.limit !== undefined && options.limit > 0 ? { limit: options.limit } : {}),
    }),
  );
}
