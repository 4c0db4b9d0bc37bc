/**
 * Runs a filter with sort and limit over the embedded store's indexes (query-plan.ts), with the results of a full
 * scan by memory-query.ts: the same events in the same order (MongoDB's sort; without a sort, commit order).
 *
 * Two ways to the answer:
 * - walk: when the sort is a time field then `_id` (translate/sort.ts) and that field is indexed, visit the time
 *   index in sort order, within the span the filter allows on that field, and stop at the limit. It gives up
 *   after as many events as the smallest candidate set holds (matches too sparse along the sort order), so it
 *   never costs more than the other way;
 * - candidates: test the smallest candidate set (posting lists, a span, a union; else every event), then sort
 *   the matches.
 * A time budget plays the role of MongoDB's `maxTimeMS` (QueryTooComplexException).
 */
import type { Filter, FindOptions, SortSpec } from '../event-store';
import type { StoredEvent } from '../stored-event';
import type { EventIndex } from './event-index';
import { sortDocuments, tooComplex } from './memory-query';
import { planFilter, smallest, type Plan, type Source } from './query-plan';
import { isTimePath, type TimeIndex } from './time-index';
import { firstK } from './top-k';

const CHECK_EVERY = 512;

class Budget {
  private count = 0;
  constructor(private readonly deadline: number | null) {}
  /** Counts one examined event; throws when the time budget is spent. */
  tick(): void {
    this.count += 1;
    if (this.deadline !== null && this.count % CHECK_EVERY === 0 && Date.now() > this.deadline) throw tooComplex();
  }
}

const budgetOf = (options: FindOptions) =>
  new Budget(options.maxTimeMS !== undefined && options.maxTimeMS > 0 ? Date.now() + options.maxTimeMS : null);

const limitOf = (options: FindOptions) => (options.limit !== undefined && options.limit > 0 ? options.limit : Infinity);

/** The matching events, sorted and limited (the store's own objects: the caller clones them). */
export function findIndexed(index: EventIndex, filter: Filter, options: FindOptions = {}): StoredEvent[] {
  const plan = planFilter(index, filter);
  const budget = budgetOf(options);
  const limit = limitOf(options);
  const sort = options.sort ?? [];
  const best = smallest(plan.sources);
  const time = walkableIndex(index, sort);
  if (time !== null) {
    const direction = sort[0]![1];
    const walked = walk(plan, time, direction, best, budget, limit);
    const seqs =
      walked ??
      firstK(candidates(index, plan, best, budget, Infinity), limit, (a, b) => direction * time.compareSeqs(a, b));
    return seqs.map((seq) => index.event(seq));
  }
  if (sort.length === 0) return candidates(index, plan, best, budget, limit).map((seq) => index.event(seq));
  const sorted = sortDocuments(
    candidates(index, plan, best, budget, Infinity).map((seq) => index.event(seq)),
    sort,
  );
  return limit === Infinity ? sorted : sorted.slice(0, limit);
}

/**
 * The first `limit` matches in the order of a time index, walking the span the filter allows on its field; null
 * when walking is not worth it: when it would examine more events than the smallest candidate set holds, as
 * predicted (matches spread evenly) or found (it gives up there).
 */
function walk(
  plan: Plan,
  time: TimeIndex,
  direction: 1 | -1,
  best: Source | undefined,
  budget: Budget,
  limit: number,
): number[] | null {
  const onSort = plan.sources.find((source) => source.kind === 'span' && source.path === time.path);
  const span = onSort?.kind === 'span' ? onSort.span : { from: 0, to: time.size };
  // Walking the sort field's own span costs what its candidates cost, in order: no give-up then.
  const giveUpAfter = best === undefined || best === onSort ? Infinity : best.size;
  if (giveUpAfter !== Infinity) {
    if (limit === Infinity) return null;
    const predicted = (limit * (span.to - span.from)) / Math.max(1, giveUpAfter);
    if (predicted > giveUpAfter) return null;
  }
  const found: number[] = [];
  let examined = 0;
  time.visit(span, direction, (seq) => {
    budget.tick();
    examined += 1;
    if (plan.test(seq)) found.push(seq);
    return found.length < limit && examined <= giveUpAfter;
  });
  return found.length >= limit || examined <= giveUpAfter ? found : null;
}

/** The number of matching events, counting up to the limit. */
export function countIndexed(index: EventIndex, filter: Filter, options: FindOptions = {}): number {
  const plan = planFilter(index, filter);
  return candidates(index, plan, smallest(plan.sources), budgetOf(options), limitOf(options)).length;
}

/**
 * The time index that gives the sort's order: `[[time, d], ['_id', d], ...]` on a field every event holds a Date
 * in. (A sort on the time alone orders ties by commit order, not by `_id`: not this index's order.)
 */
function walkableIndex(index: EventIndex, sort: SortSpec): TimeIndex | null {
  const [first, second] = sort;
  if (!first || !second || !isTimePath(first[0]) || second[0] !== '_id' || second[1] !== first[1]) return null;
  const time = index.time(first[0]);
  return time.pure ? time : null;
}

/** The matching event numbers in commit order, up to `limit`. */
function candidates(index: EventIndex, plan: Plan, source: Source | undefined, budget: Budget, limit: number) {
  const matches: number[] = [];
  const proven = source !== undefined && source === plan.exact;
  const consider = (seq: number) => {
    budget.tick();
    if (proven || plan.test(seq)) matches.push(seq);
    return matches.length < limit;
  };
  if (source === undefined) {
    for (let seq = 0; seq < index.size && consider(seq); seq += 1);
    return matches;
  }
  const seqs = materialize(index, source);
  for (let i = 0; i < seqs.length && consider(seqs[i]!); i += 1);
  return matches;
}

/** The event numbers of a source, ascending, each once. */
function materialize(index: EventIndex, source: Source): ArrayLike<number> {
  if (source.kind === 'postings' && source.lists.length === 1) return source.lists[0]!;
  const parts: readonly ArrayLike<number>[] =
    source.kind === 'postings'
      ? source.lists
      : source.kind === 'span'
        ? [index.time(source.path).seqs(source.span)]
        : source.parts.map((part) => materialize(index, part));
  return sortedUnique(parts);
}

function sortedUnique(parts: readonly ArrayLike<number>[]): Int32Array {
  const all = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) for (let i = 0; i < part.length; i += 1) all[at++] = part[i]!;
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
  return all.subarray(0, kept);
}
