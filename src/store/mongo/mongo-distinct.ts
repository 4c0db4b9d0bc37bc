/**
 * Distinct values of committed events for the resource collections (`/epcs`, `/bizSteps`, ...; EPCIS-DIGEST §a):
 * per path, an aggregation that unwinds arrays, keeps strings after the page position, groups, sorts and limits
 * (stages FerretDB runs too); the per-path pages are then merged.
 */
import type { Document } from 'mongodb';
import { compareStrings } from '../embedded/sort-order';
import type { DistinctOptions } from '../event-store';
import type { MongoContext } from './mongo-context';
import { read } from './mongo-errors';

export async function distinctValues(ctx: MongoContext, paths: string[], options: DistinctOptions): Promise<string[]> {
  if (options.limit <= 0) return [];
  const after = options.after === undefined ? { $gte: '' } : { $gt: options.after };
  const values = new Set<string>();
  for (const path of paths) {
    const pipeline: Document[] = [
      { $match: { state: 'committed', [path]: after } },
      { $unwind: `$${path}` },
      { $match: { [path]: after } },
      { $group: { _id: `$${path}` } },
      { $sort: { _id: 1 } },
      { $limit: options.limit },
    ];
    const found = await read(() =>
      ctx.events.aggregate<{ _id: unknown }>(pipeline, { maxTimeMS: ctx.maxTimeMS }).toArray(),
    );
    for (const { _id } of found) if (typeof _id === 'string') values.add(_id);
  }
  return [...values].sort(compareStrings).slice(0, options.limit);
}
