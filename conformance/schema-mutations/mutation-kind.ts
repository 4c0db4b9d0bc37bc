/**
 * The vocabulary of the schema differential test: a mutation kind changes one event (or one document) of a GS1
 * example in a deterministic way, and states the verdict the project's validator must give.
 */
import type { JsonObject, JsonValue } from '../../src/model/types';

export type Verdict = 'valid' | 'invalid';

export interface MutationKind {
  kind: string;
  /** What the mutation applies to: one event of a base case, or a whole document. */
  target: 'event' | 'document';
  /** The verdict of OUR validator (schema + business rules + hardening). */
  expect: Verdict;
  /** True when only code outside the schema file decides (business rules or the nesting-depth limit). */
  outsideSchema?: boolean;
  applies(value: JsonObject, standalone: boolean): boolean;
  mutate(value: JsonObject, rng: () => number): void;
}

export const pick = <T>(items: readonly T[], rng: () => number): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

export const isObj = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const objects = (value: JsonValue | undefined): JsonObject[] =>
  Array.isArray(value) ? value.filter(isObj) : [];

/** All sensor reports of an event. */
export const sensorReports = (event: JsonObject): JsonObject[] =>
  objects(event['sensorElementList']).flatMap((element) => objects(element['sensorReport']));

export const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];

export const quantityElements = (event: JsonObject): JsonObject[] =>
  QUANTITY_LISTS.flatMap((list) => objects(event[list]));

export const STANDARD_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
];

export const isStandard = (event: JsonObject): boolean => STANDARD_TYPES.includes(String(event['type']));
export const ofType =
  (...types: string[]) =>
  (event: JsonObject): boolean =>
    types.includes(String(event['type']));
export const always = (): boolean => true;
