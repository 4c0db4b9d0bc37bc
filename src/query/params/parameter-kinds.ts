/** Shared shapes of the parameter table (fixed-parameters.ts, flexible-parameters.ts). */
import type { EpcisQuery, QueryCondition } from './query-types';
import type { ValueReader } from './value-reader';

export interface ParseContext {
  /** prefix -> namespace IRI, from the GS1-Extensions header and/or the body's `@context`. */
  namespaces: Record<string, string>;
}

export type Controls = Partial<
  Pick<EpcisQuery, 'orderBy' | 'orderDirection' | 'eventCountLimit' | 'maxEventCount' | 'perPage' | 'nextPageToken'>
>;

/** What one parameter contributes: a condition, a control, or nothing (e.g. `EXISTS_errorDeclaration=false`). */
export type Outcome = { condition: QueryCondition } | { control: Controls } | null;

export type FixedReader = (value: ValueReader, ctx: ParseContext) => Outcome;

export interface FlexibleFamily {
  /** Human description, e.g. `EQ_bizTransaction_<type>`. */
  family: string;
  pattern: RegExp;
  /**
   * Reads the parameter, or returns null when the name matches the pattern but is not of this family. `key`
   * identifies the normalised parameter, so that two spellings of the same parameter count as a repetition.
   */
  read: (match: RegExpMatchArray, value: ValueReader, ctx: ParseContext) => { key: string; outcome: Outcome } | null;
}
