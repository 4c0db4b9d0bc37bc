/** Shared shapes of the per-family translators. */
import type { Filter } from '../../store/event-store';
import type { QueryCondition } from '../params/query-types';
import type { ResolvedMasterData } from './master-data';

export interface TranslateEnv {
  canonicalEpc: (uri: string) => string;
  /** Master data resolved for this query (master-data.ts); required when the query has WD_/HASATTR_/EQATTR_. */
  masterData: ResolvedMasterData | undefined;
  /** The measurement types of the query's EQ_type, which narrow sensor value conditions (sensor-fields.ts). */
  sensorTypes: string[] | null;
}

export type FamilyTranslator<K extends QueryCondition['kind']> = (
  condition: Extract<QueryCondition, { kind: K }>,
  env: TranslateEnv,
) => Filter;

export const COMPARISON = { GT: '$gt', GE: '$gte', LT: '$lt', LE: '$lte' } as const;

/** One alternative stays itself; several become `$or`. */
export const anyOf = (alternatives: Filter[]): Filter =>
  alternatives.length === 1 ? (alternatives[0] as Filter) : { $or: alternatives };
