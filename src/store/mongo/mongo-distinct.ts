/**
 * Distinct values of visible events for the resource collections (`/epcs`, `/bizSteps`, ...; EPCIS-DIGEST §a):
 * the `distinct` command per path, restricted to events holding a value after the page position, then merged,
 * sorted by code point and cut to the page in memory. (An aggregation would page on the server, but FerretDB
 * 1.24 loses the parent of a dotted path in `$unwind` and ignores `$project` field paths: measured.)
 * FerretDB 1.24 also refuses `maxTimeMS` on `distinct` (FailedToParse, measured): then it runs without it.
 */
import { compareStrings } from '../embedded/sort-order';
import type { DistinctOptions } from '../event-store';
import type { MongoContext } from './mongo-context';
import { read } from './mongo-errors';
import { visibleFilter } from './mongo-pending';

export async function distinctValues(ctx: MongoContext, paths: string[], options: DistinctOptions): Promise<string[]> {
  if (options.limit <= 0) return [];
  const { after } = options;
  const values = new Set<string>();
  for (const path of paths) {
    const filter = await visibleFilter(ctx, { [path]: after === undefined ? { $gte: '' } : { $gt: after } });
    const found = await read(() =>
      ctx.events.distinct(path, filter, { maxTimeMS: ctx.maxTimeMS }).catch((error: unknown) => {
        if (!refusesMaxTime(error)) throw error;
        return ctx.events.distinct(path, filter);
      }),
    );
    for (const value of found as unknown[])
      if (typeof value === 'string' && (after === undefined || compareStrings(value, after) > 0)) values.add(value);
  }
  return [...values].sort(compareStrings).slice(0, options.limit);
}

function refusesMaxTime(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 9 && typeof message === 'string' && message.includes('maxTimeMS');
}
