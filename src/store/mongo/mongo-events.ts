/**
 * Reads of events: only committed events of captures that are not pending are ever visible (mongo-pending.ts),
 * every read carries `maxTimeMS` (SECURITY-AND-PERFORMANCE-NOTES 1.2.14), and every filter gets its index terms
 * (index-terms.ts), which are never returned.
 */
import type { Filter, FindOptions } from '../event-store';
import type { StoredEvent } from '../stored-event';
import { TERMS_FIELD, withIndexTerms } from './index-terms';
import type { MongoContext } from './mongo-context';
import { read } from './mongo-errors';
import { visibleFilter } from './mongo-pending';

export async function findEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<StoredEvent[]> {
  const visible = await visibleFilter(ctx, ctx.indexTerms ? withIndexTerms(filter) : filter);
  return read(() => {
    let cursor = ctx.events.find(visible, {
      projection: { [TERMS_FIELD]: 0 },
      maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS,
    });
    if (options.sort && options.sort.length > 0) cursor = cursor.sort(options.sort);
    if (options.limit !== undefined && options.limit > 0) cursor = cursor.limit(options.limit);
    return cursor.toArray();
  });
}

export async function countEvents(ctx: MongoContext, filter: Filter, options: FindOptions = {}): Promise<number> {
  const visible = await visibleFilter(ctx, ctx.indexTerms ? withIndexTerms(filter) : filter);
  return read(() =>
    ctx.events.countDocuments(visible, {
      maxTimeMS: options.maxTimeMS ?? ctx.maxTimeMS,
      ...(options.limit !== undefined && options.limit > 0 ? { limit: options.limit } : {}),
    }),
  );
}
