/**
 * The indexes that serve the indexed query families (issue 4, Build 2): one per precomputed field, because a
 * MongoDB compound index may hold at most one array (multikey) field; time sorts carry the `_id` tie-breaker
 * of translate/sort.ts. Both store adapters create these (the embedded store as in-memory maps).
 */
import type { SortSpec } from '../../store/event-store';
import { extensionFamily, Q } from './paths';

const single = (path: string): SortSpec => [[path, 1]];

export const QUERY_INDEXES: readonly SortSpec[] = [
  [
    ['eventTime', 1],
    ['_id', 1],
  ],
  [
    ['recordTime', 1],
    ['_id', 1],
  ],
  single('eventID'),
  ...[
    Q.type,
    Q.bizStep,
    Q.disposition,
    Q.readPoint,
    Q.bizLocation,
    Q.epc,
    Q.parentID,
    Q.inputEPC,
    Q.outputEPC,
    Q.epcClass,
    Q.inputEPCClass,
    Q.outputEPCClass,
    Q.bizTransaction,
    Q.source,
    Q.destination,
    Q.sensorField('type'),
    Q.extensionEq(extensionFamily('event', false)),
    Q.extensionEq(extensionFamily('ilmd', false)),
  ].map(single),
];
