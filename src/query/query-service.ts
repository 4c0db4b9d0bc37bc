/**
 * Executes a parsed SimpleEventQuery (EPCIS-DIGEST §b) against the storage port, one page at a time:
 * master data for WD_/HASATTR_/EQATTR_ -> translateQuery -> findEvents with keyset pagination (keyset.ts).
 *
 * Controls (EPCIS-DIGEST §b.1): `eventCountLimit` caps the total across pages (the position carries how many were
 * returned); `maxEventCount` raises QueryTooLargeException (413) when more events match (checked on the first
 * page: a later page carries a token issued after the check); a read over the time budget is
 * QueryTooComplexException (413, raised by the stores).
 */
import { EpcisError } from '../errors/epcis-errors';
import type { JsonValue } from '../model/types';
import type { EventStore, Filter } from '../store/event-store';
import type { StoredEvent } from '../store/stored-event';
import { afterPosition, decodePosition, encodePosition, keyOf } from './keyset';
import type { EpcisQuery } from './params/query-types';
import { masterDataNeeds, resolveMasterData } from './translate/master-data';
import { translateQuery, type TranslatedQuery } from './translate/translate-query';

export interface QueryServiceDeps {
  store: EventStore;
  canonicalEpc: (uri: string) => string;
  /** Time budget of each read. */
  maxTimeMS: number;
}

export interface QueryPage {
  events: StoredEvent[];
  /** Opaque position for the next page (to sign into a token), or null on the last page. */
  next: JsonValue[] | null;
}

export class QueryService {
  constructor(private readonly deps: QueryServiceDeps) {}

  /** The query as ONE filter + sort (+ limits), with its master data resolved from the store. */
  async translate(query: EpcisQuery): Promise<TranslatedQuery> {
    const needs = masterDataNeeds(query);
    const masterData =
      needs.length === 0
        ? undefined
        : resolveMasterData(needs, await this.deps.store.findVocabulary({}), this.deps.canonicalEpc);
    return translateQuery(query, { canonicalEpc: this.deps.canonicalEpc, ...(masterData ? { masterData } : {}) });
  }

  /** Whether any committed event matches (e.g. whether `/bizSteps/{id}` names a known value). */
  async any(query: EpcisQuery): Promise<boolean> {
    const { filter } = await this.translate(query);
    return (await this.deps.store.countEvents(filter, { limit: 1, maxTimeMS: this.deps.maxTimeMS })) > 0;
  }

  /**
   * One page of at most `perPage` events after `after` (a position from an earlier page's `next`).
   * An unreadable position is a QueryParameterException.
   */
  async page(query: EpcisQuery, perPage: number, after: JsonValue[] | null): Promise<QueryPage> {
    const { store, maxTimeMS } = this.deps;
    const translated = await this.translate(query);
    const { filter, sort, limit, maxEventCount } = translated;

    let returned = 0;
    const conditions: Filter[] = Object.keys(filter).length > 0 ? [filter] : [];
    if (after !== null) {
      const position = decodePosition(after);
      const count = after[3];
      if (position === null || typeof count !== 'number' || !Number.isInteger(count) || count < 0)
        throw new EpcisError('QueryParameterException', 'Invalid nextPageToken: malformed position.');
      returned = count;
      conditions.push(afterPosition(sort, position));
    } else if (maxEventCount !== undefined) {
      const matching = await store.countEvents(filter, { limit: maxEventCount + 1, maxTimeMS });
      if (matching > maxEventCount)
        throw new EpcisError(
          'QueryTooLargeException',
          `More than maxEventCount=${maxEventCount} events match the query; narrow it down or raise maxEventCount.`,
        );
    }

    const remaining = limit === undefined ? Infinity : limit - returned;
    if (remaining <= 0) return { events: [], next: null };
    const size = Math.min(perPage, remaining);
    const where = conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
    const found = await store.findEvents(where, { sort, limit: size + 1, maxTimeMS });
    const events = found.slice(0, size);
    const last = events[events.length - 1];
    const more = found.length > size && (limit === undefined || returned + events.length < limit);
    const sortPath = sort[0]?.[0] ?? 'recordTime';
    const next =
      more && last ? [...encodePosition({ key: keyOf(last, sortPath), id: last._id }), returned + events.length] : null;
    return { events, next };
  }
}
