/**
 * Runs a MongoDB filter document over in-memory documents with mingo (DESIGN.md: "the embedded store with
 * `mingo`"), then sorts (MongoDB's order, sort-order.ts; ties keep insertion order) and limits (a limit of 0 or
 * less means none, as in MongoDB). Scripts (`$where`, `$function`) are disabled (SECURITY-AND-PERFORMANCE-NOTES
 * 1.2.11). A time budget plays the role of MongoDB's `maxTimeMS`.
 */
import { Query } from 'mingo';
import { EpcisError } from '../../errors/epcis-errors';
import type { Filter, FindOptions, SortSpec } from '../event-store';
import { compareKeys, sortKey } from './sort-order';

const CHECK_EVERY = 512;

export function tooComplex(): EpcisError {
  return new EpcisError(
    'QueryTooComplexException',
    'The query did not complete within the time budget of the server; narrow it down (fewer values, a time range).',
  );
}

export function compileFilter(filter: Filter): Query {
  return new Query(filter, { scriptEnabled: false });
}

export function runQuery<T extends object>(documents: Iterable<T>, filter: Filter, options: FindOptions = {}): T[] {
  const query = compileFilter(filter);
  const deadline = options.maxTimeMS !== undefined && options.maxTimeMS > 0 ? Date.now() + options.maxTimeMS : null;
  const sort = options.sort ?? [];
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
  const matches: T[] = [];
  let seen = 0;
  for (const document of documents) {
    seen += 1;
    if (deadline !== null && seen % CHECK_EVERY === 0 && Date.now() > deadline) throw tooComplex();
    if (!query.test(document as unknown as Record<string, unknown>)) continue;
    matches.push(document);
    if (sort.length === 0 && matches.length >= limit) break;
  }
  if (sort.length === 0) return matches;
  const sorted = sortDocuments(matches, sort);
  return limit === Infinity ? sorted : sorted.slice(0, limit);
}

/** Documents in MongoDB's order for a sort (sort-order.ts); ties keep their order in `documents`. */
export function sortDocuments<T extends object>(documents: T[], sort: SortSpec): T[] {
  const keyed = documents.map((document) => ({
    document,
    keys: sort.map(([field, direction]) => sortKey(document, field, direction)),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < sort.length; i += 1) {
      const order = compareKeys(a.keys[i], b.keys[i]);
      if (order !== 0) return sort[i]![1] === 1 ? order : -order;
    }
    return 0;
  });
  return keyed.map((entry) => entry.document);
}
