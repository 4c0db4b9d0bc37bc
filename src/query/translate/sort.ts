/**
 * orderBy / orderDirection / eventCountLimit (EPCIS-DIGEST §b.1). The sort always ends with `_id`, a unique
 * tie-breaker, so that keyset pagination (nextPageToken) is well defined. Without orderBy the order is
 * unspecified by the standard; we use recordTime ascending, so events captured while a client pages through
 * a result land after its last page.
 */
import type { SortSpec } from '../../store/event-store';
import { Q } from '../fields/paths';
import type { EpcisQuery } from '../params/query-types';

export function sortOf(query: EpcisQuery): SortSpec {
  if (query.orderBy === undefined) {
    return [
      ['recordTime', 1],
      ['_id', 1],
    ];
  }
  const direction = query.orderDirection === 'ASC' ? 1 : -1;
  const key = query.orderBy.kind === 'extension' ? Q.extensionSort(query.orderBy.field) : query.orderBy.kind;
  return [
    [key, direction],
    ['_id', direction],
  ];
}
