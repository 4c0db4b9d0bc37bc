/**
 * The pure translator from a typed query to ONE MongoDB filter + sort + limit (DESIGN.md "Query"), executed as is
 * by both stores (MongoDB natively, the embedded store with mingo). Each parameter family has its own small
 * translator; conditions are ANDed (EPCIS-DIGEST §b.3). The store adds the visibility condition itself.
 */
import type { Filter, SortSpec } from '../../store/event-store';
import { totalCanonical } from '../namespaces';
import type { EpcisQuery, QueryCondition } from '../params/query-types';
import { match } from './epc-match';
import { extensionCompare, extensionExists, extensionEq } from './extensions';
import type { FamilyTranslator, TranslateEnv } from './family-types';
import { attributeEq, hasAttribute, type ResolvedMasterData, withDescendants } from './master-data';
import { quantityCompare, quantityEq } from './quantity';
import { percRank, sensorBoolean, sensorEq, sensorValueCompare, sensorValueEq } from './sensors';
import { action, cbv, eventType, exists, uri } from './standard-fields';
import { time } from './times';
import { typedList } from './typed-lists';
import { sortOf } from './sort';

export interface TranslateDeps {
  canonicalEpc: (uri: string) => string;
  /** From `resolveMasterData`; needed only when `masterDataNeeds(query)` is not empty. */
  masterData?: ResolvedMasterData;
}

export interface TranslatedQuery {
  filter: Filter;
  sort: SortSpec;
  /** eventCountLimit: the total number of events to return. */
  limit?: number;
  /** maxEventCount: the caller raises QueryTooLargeException when more events match (fetch limit + 1). */
  maxEventCount?: number;
}

const FAMILIES: { [K in QueryCondition['kind']]: FamilyTranslator<K> } = {
  eventType,
  time,
  action,
  cbv,
  uri,
  withDescendants,
  match,
  quantityEq,
  quantityCompare,
  exists,
  typedList,
  extensionEq,
  extensionCompare,
  extensionExists,
  sensorEq,
  sensorBoolean,
  sensorValueEq,
  sensorValueCompare,
  percRank,
  hasAttribute,
  attributeEq,
};

function translateCondition<K extends QueryCondition['kind']>(
  condition: Extract<QueryCondition, { kind: K }>,
  env: TranslateEnv,
): Filter {
  return (FAMILIES[condition.kind] as FamilyTranslator<K>)(condition, env);
}

export function translateQuery(query: EpcisQuery, deps: TranslateDeps): TranslatedQuery {
  const typeCondition = query.conditions.find(
    (c): c is Extract<QueryCondition, { kind: 'sensorEq' }> => c.kind === 'sensorEq' && c.field === 'type',
  );
  const env: TranslateEnv = {
    canonicalEpc: totalCanonical(deps.canonicalEpc),
    masterData: deps.masterData,
    sensorTypes: typeCondition?.values ?? null,
  };
  const filters = query.conditions.map((condition) => translateCondition(condition, env));
  const filter = filters.length === 0 ? {} : filters.length === 1 ? (filters[0] as Filter) : { $and: filters };
  const out: TranslatedQuery = { filter, sort: sortOf(query) };
  if (query.eventCountLimit !== undefined) out.limit = query.eventCountLimit;
  if (query.maxEventCount !== undefined) out.maxEventCount = query.maxEventCount;
  return out;
}
