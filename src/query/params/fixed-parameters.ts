/**
 * The fixed-name parameters of the REST binding (EPCIS-DIGEST §b.1, OpenAPI components/parameters) plus the
 * fixed names only in query-schema.json (`EXISTS_sensorElementList`, `GE_time`, `LT_time`, `…_percRank`).
 */
import { canonicalCbv, canonicalMeasurementType } from '../cbv-canonical';
import { ACTIONS, EVENT_TYPES } from '../../cbv/vocabulary';
import { canonicalFieldName, expandCurie } from '../namespaces';
import { parseEpcPattern } from './epc-pattern-syntax';
import type { FixedReader, Outcome } from './parameter-kinds';
import type { Comparison, EpcMatchField, QueryCondition, SensorEqField, TimeField } from './query-types';
import { EPC_MATCH_FIELDS } from './query-types';
import type { ValueReader } from './value-reader';

const cond = (condition: QueryCondition): Outcome => ({ condition });

const time =
  (field: TimeField, op: 'GE' | 'LT'): FixedReader =>
  (v) =>
    cond({ kind: 'time', field, op, value: v.time() });

const cbv =
  (field: 'bizStep' | 'disposition' | 'persistentDispositionSet' | 'persistentDispositionUnset' | 'errorReason') =>
  (v: ValueReader, ctx: { namespaces: Record<string, string> }): Outcome => {
    const vocabulary = field === 'bizStep' ? 'bizStep' : field === 'errorReason' ? 'errorReason' : 'disposition';
    return cond({ kind: 'cbv', field, values: v.list().map((x) => canonicalCbv(vocabulary, x, ctx.namespaces)) });
  };

const uri =
  (field: 'readPoint' | 'bizLocation' | 'transformationID' | 'eventID' | 'correctiveEventID'): FixedReader =>
  (v, ctx) =>
    cond({ kind: 'uri', field, values: v.list().map((x) => expandCurie(x, ctx.namespaces)) });

const match =
  (field: EpcMatchField): FixedReader =>
  (v, ctx) =>
    cond({
      kind: 'match',
      field,
      values: v.list().map((x) => {
        const value = expandCurie(x, ctx.namespaces);
        parseEpcPattern(value);
        return value;
      }),
    });

const quantity =
  (op: Comparison): FixedReader =>
  (v) =>
    cond({ kind: 'quantityCompare', uom: null, op, value: v.number() });

const sensorEq =
  (field: SensorEqField): FixedReader =>
  (v, ctx) => {
    const values = v.list().map((x) => {
      if (field === 'type') return canonicalMeasurementType(x, ctx.namespaces);
      if (field === 'stringValue') return x;
      if (field === 'hexBinaryValue') return /^[0-9a-fA-F]+$/.test(x) ? x.toUpperCase() : v.fail('expected hex digits');
      return expandCurie(x, ctx.namespaces);
    });
    return cond({ kind: 'sensorEq', field, values });
  };

const percRank =
  (op: Comparison): FixedReader =>
  (v) =>
    cond({ kind: 'percRank', op, value: v.number() });

const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);
const ACTION_SET = new Set<string>(ACTIONS);

export const FIXED_PARAMETERS: Readonly<Record<string, FixedReader>> = {
  eventType: (v, ctx) =>
    cond({
      kind: 'eventType',
      values: v.list().map((x) => (EVENT_TYPE_SET.has(x) ? x : expandCurie(x, ctx.namespaces))),
    }),
  GE_eventTime: time('eventTime', 'GE'),
  LT_eventTime: time('eventTime', 'LT'),
  GE_recordTime: time('recordTime', 'GE'),
  LT_recordTime: time('recordTime', 'LT'),
  EQ_action: (v) =>
    cond({
      kind: 'action',
      values: v
        .list()
        .map((x) => (ACTION_SET.has(x) ? (x as 'ADD' | 'OBSERVE' | 'DELETE') : v.fail(`bad action "${x}"`))),
    }),
  EQ_bizStep: cbv('bizStep'),
  EQ_disposition: cbv('disposition'),
  EQ_persistentDisposition_set: cbv('persistentDispositionSet'),
  EQ_persistentDisposition_unset: cbv('persistentDispositionUnset'),
  EQ_readPoint: uri('readPoint'),
  EQ_bizLocation: uri('bizLocation'),
  WD_readPoint: (v, ctx) =>
    cond({ kind: 'withDescendants', field: 'readPoint', values: v.list().map((x) => expandCurie(x, ctx.namespaces)) }),
  WD_bizLocation: (v, ctx) =>
    cond({
      kind: 'withDescendants',
      field: 'bizLocation',
      values: v.list().map((x) => expandCurie(x, ctx.namespaces)),
    }),
  EQ_transformationID: uri('transformationID'),
  ...Object.fromEntries(EPC_MATCH_FIELDS.map((field) => [`MATCH_${field}`, match(field)])),
  // EQ_quantity: a list in query-schema, a scalar in the OpenAPI (EPCIS-DIGEST §b.1): a list of one is both.
  EQ_quantity: (v) => cond({ kind: 'quantityEq', uom: null, values: v.numberList() }),
  GT_quantity: quantity('GT'),
  GE_quantity: quantity('GE'),
  LT_quantity: quantity('LT'),
  LE_quantity: quantity('LE'),
  EQ_eventID: uri('eventID'),
  EXISTS_errorDeclaration: (v) => (v.flag() ? cond({ kind: 'exists', target: 'errorDeclaration' }) : null),
  // Both spellings (OpenAPI and query-schema, EPCIS-DIGEST §b.1); parse-query.ts treats them as one parameter.
  GE_errorDeclarationTime: time('errorDeclarationTime', 'GE'),
  LT_errorDeclarationTime: time('errorDeclarationTime', 'LT'),
  GE_errorDeclaration_Time: time('errorDeclarationTime', 'GE'),
  LT_errorDeclaration_Time: time('errorDeclarationTime', 'LT'),
  EQ_errorReason: cbv('errorReason'),
  EQ_correctiveEventID: uri('correctiveEventID'),
  orderBy: (v, ctx) => {
    const name = v.string();
    if (name === 'eventTime' || name === 'recordTime') return { control: { orderBy: { kind: name } } };
    const field = canonicalFieldName(name, ctx.namespaces);
    return field === null
      ? v.fail('expected eventTime, recordTime or the name of an extension field')
      : { control: { orderBy: { kind: 'extension', field } } };
  },
  orderDirection: (v) => {
    const direction = v.string();
    return direction === 'ASC' || direction === 'DESC'
      ? { control: { orderDirection: direction } }
      : v.fail('expected ASC or DESC');
  },
  eventCountLimit: (v) => ({ control: { eventCountLimit: v.integer(1) } }),
  maxEventCount: (v) => ({ control: { maxEventCount: v.integer(0) } }),
  perPage: (v) => ({ control: { perPage: v.integer(1) } }),
  nextPageToken: (v) => ({ control: { nextPageToken: v.string() } }),
  GE_startTime: time('startTime', 'GE'),
  LT_startTime: time('startTime', 'LT'),
  GE_endTime: time('endTime', 'GE'),
  LT_endTime: time('endTime', 'LT'),
  GE_time: time('sensorTime', 'GE'),
  LT_time: time('sensorTime', 'LT'),
  EQ_type: sensorEq('type'),
  EQ_deviceID: sensorEq('deviceID'),
  EQ_dataProcessingMethod: sensorEq('dataProcessingMethod'),
  EQ_microorganism: sensorEq('microorganism'),
  EQ_chemicalSubstance: sensorEq('chemicalSubstance'),
  EQ_bizRules: sensorEq('bizRules'),
  EQ_uriValue: sensorEq('uriValue'),
  EQ_stringValue: sensorEq('stringValue'),
  EQ_hexBinaryValue: sensorEq('hexBinaryValue'),
  EQ_booleanValue: (v) => cond({ kind: 'sensorBoolean', value: v.boolean() }),
  EXISTS_sensorElementList: () => cond({ kind: 'exists', target: 'sensorElementList' }),
  GT_percRank: percRank('GT'),
  GE_percRank: percRank('GE'),
  LT_percRank: percRank('LT'),
  LE_percRank: percRank('LE'),
};

/** Names that denote the same parameter (a repetition across spellings is a repetition). */
export const FIXED_ALIASES: Readonly<Record<string, string>> = {
  GE_errorDeclaration_Time: 'GE_errorDeclarationTime',
  LT_errorDeclaration_Time: 'LT_errorDeclarationTime',
};
