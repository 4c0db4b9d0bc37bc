/**
 * Deleting every document that matches a filter, whatever their number. MongoDB's `deleteMany` does it in one
 * command; FerretDB 1.24 (SQLite backend) refuses a `deleteMany` that matches more than SQLite's bound on
 * statement variables (32,766) with `SQL logic error: too many SQL variables` (measured: a 52,482-event capture
 * could not release its claims). Then the documents are deleted in slices in `_id` order.
 */
import type { Collection, Document, Filter } from 'mongodb';
import { retrying } from './mongo-errors';

/** Documents per slice in the fallback: under SQLite's variable bound. */
const SLICE = 30_000;

const isTooManyVariables = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  /too many SQL variables/.test(String((error as { message?: unknown }).message));

export async function deleteAll<T extends Document & { _id: string }>(
  collection: Collection<T>,
  filter: Filter<T>,
): Promise<void> {
  try {
    await retrying(() => collection.deleteMany(filter));
    return;
  } catch (error) {
    if (!isTooManyVariables(error)) throw error;
  }
  // Each slice is bounded by its greatest id: a range test costs FerretDB O(1) per document, where an `$in` of the
  // slice's ids costs O(slice) per document (measured: 40,000 documents took 57 s that way).
  for (;;) {
    const slice = await retrying(() =>
      collection
        .find(filter, { projection: { _id: 1 } })
        .sort({ _id: 1 })
        .limit(SLICE)
        .toArray(),
    );
    const last = slice.at(-1);
    if (last === undefined) return;
    await retrying(() => collection.deleteMany({ $and: [filter, { _id: { $lte: last._id } }] } as Filter<T>));
  }
}
