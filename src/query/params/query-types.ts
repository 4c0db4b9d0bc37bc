/**
 * The typed form of an EPCIS SimpleEventQuery (EPCIS-DIGEST §b), produced by `parseQuery` and consumed by
 * `translateQuery`. All conditions are ANDed; the values inside one condition are ORed (EPCIS-DIGEST §b.3).
 * Every value is already normalised (prefixes expanded, CBV words canonical) except EPCs, which the translator
 * normalises with the injected `canonicalEpc`.
 */

export type Comparison = 'GT' | 'GE' | 'LT' | 'LE';

/** Where an extension field sits (EPCIS-DIGEST §b.2), each with an `INNER_` (nested) variant. */
export const EXTENSION_SCOPES = [
  'event',
  'ilmd',
  'errorDeclaration',
  'sensorElement',
  'sensorMetadata',
  'sensorReport',
  'readPoint',
  'bizLocation',
] as const;
export type ExtensionScope = (typeof EXTENSION_SCOPES)[number];

export const EPC_MATCH_FIELDS = [
  'epc',
  'parentID',
  'inputEPC',
  'outputEPC',
  'anyEPC',
  'epcClass',
  'inputEPCClass',
  'outputEPCClass',
  'anyEPCClass',
] as const;
export type EpcMatchField = (typeof EPC_MATCH_FIELDS)[number];

export const SENSOR_METRICS = ['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percValue'] as const;
export type SensorMetric = (typeof SENSOR_METRICS)[number];

/** Sensor attributes compared for equality (EPCIS-DIGEST §b.1). */
export const SENSOR_EQ_FIELDS = [
  'type',
  'deviceID',
  'dataProcessingMethod',
  'microorganism',
  'chemicalSubstance',
  'bizRules',
  'uriValue',
  'stringValue',
  'hexBinaryValue',
] as const;
export type SensorEqField = (typeof SENSOR_EQ_FIELDS)[number];

export type TimeField = 'eventTime' | 'recordTime' | 'errorDeclarationTime' | 'startTime' | 'endTime' | 'sensorTime';

/** Fields that name a master-data element (for WD_, HASATTR_, EQATTR_). Extension fields use their full name. */
export type VocabularyField = 'readPoint' | 'bizLocation' | 'bizStep' | 'disposition' | 'epc' | 'parentID' | 'epcClass';

export type QueryCondition =
  | { kind: 'eventType'; values: string[] }
  | { kind: 'time'; field: TimeField; op: 'GE' | 'LT'; value: Date }
  | { kind: 'action'; values: ('ADD' | 'OBSERVE' | 'DELETE')[] }
  | {
      kind: 'cbv';
      field: 'bizStep' | 'disposition' | 'persistentDispositionSet' | 'persistentDispositionUnset' | 'errorReason';
      values: string[];
    }
  | {
      kind: 'uri';
      field: 'readPoint' | 'bizLocation' | 'transformationID' | 'eventID' | 'correctiveEventID';
      values: string[];
    }
  | { kind: 'withDescendants'; field: 'readPoint' | 'bizLocation'; values: string[] }
  | { kind: 'match'; field: EpcMatchField; values: string[] }
  | { kind: 'quantityEq'; uom: string | null; values: number[] }
  | { kind: 'quantityCompare'; uom: string | null; op: Comparison; value: number }
  | { kind: 'exists'; target: 'errorDeclaration' | 'sensorElementList' }
  | { kind: 'typedList'; list: 'bizTransaction' | 'source' | 'destination'; type: string; values: string[] }
  | { kind: 'extensionEq'; scope: ExtensionScope; inner: boolean; field: string; values: string[] }
  | {
      kind: 'extensionCompare';
      scope: ExtensionScope;
      inner: boolean;
      field: string;
      op: Comparison;
      value: number | Date;
    }
  | { kind: 'extensionExists'; scope: ExtensionScope; inner: boolean; field: string }
  | { kind: 'sensorEq'; field: SensorEqField; values: string[] }
  | { kind: 'sensorBoolean'; value: boolean }
  | { kind: 'sensorValueEq'; metric: SensorMetric; uom: string; values: number[] }
  | { kind: 'sensorValueCompare'; metric: SensorMetric; uom: string; op: Comparison; value: number }
  | { kind: 'percRank'; op: Comparison; value: number }
  | { kind: 'hasAttribute'; field: VocabularyField | string; attributes: string[] }
  | { kind: 'attributeEq'; field: VocabularyField | string; attribute: string; values: string[] };

export type OrderBy = { kind: 'eventTime' } | { kind: 'recordTime' } | { kind: 'extension'; field: string };

export interface EpcisQuery {
  conditions: QueryCondition[];
  /** Absent: order unspecified (the translator still sorts deterministically, see translate/sort.ts). */
  orderBy?: OrderBy;
  /** Default DESC (EPCIS-DIGEST §b.1 `orderDirection`). */
  orderDirection: 'ASC' | 'DESC';
  eventCountLimit?: number;
  maxEventCount?: number;
  perPage?: number;
  nextPageToken?: string;
  /** The parameter names given (after parsing), e.g. for `/bizSteps/{id}/events` to refuse the implied one. */
  parameterNames: string[];
}
