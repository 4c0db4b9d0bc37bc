/**
 * Event mutations of the schema differential test: required fields removed, wrong JSON types, bad CBV values,
 * bad dates, unknown bare keys, CBV URNs in JSON (EPCIS-DIGEST §e), time-zone offsets and units.
 */
import type { JsonObject } from '../../src/model/types';
import type { MutationKind, Verdict } from './mutation-kind';
import { always, isObj, isStandard, objects, ofType, pick, quantityElements, sensorReports } from './mutation-kind';

type Applies = MutationKind['applies'];
type Mutate = MutationKind['mutate'];

const ev = (kind: string, expect: Verdict, applies: Applies, mutate: Mutate, outsideSchema = false): MutationKind => ({
  kind,
  target: 'event',
  expect,
  outsideSchema,
  applies,
  mutate,
});

const has = (key: string) => (e: JsonObject) => key in e;
const hasSensor = (e: JsonObject) => sensorReports(e).length > 0;
const hasQuantity = (e: JsonObject) => quantityElements(e).length > 0;
const withAction = (e: JsonObject) => isStandard(e) && e['type'] !== 'TransformationEvent';
const firstOf = (e: JsonObject, key: string): JsonObject => {
  const found = objects(e[key])[0];
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const set = (key: string, value: JsonObject[string]) => (e: JsonObject) => {
  e[key] = value;
};
const remove = (key: string) => (e: JsonObject) => {
  delete e[key];
};
const onRandomReport = (change: (report: JsonObject) => void) => (e: JsonObject, rng: () => number) =>
  change(pick(sensorReports(e), rng));
const onRandomQuantity = (change: (element: JsonObject) => void) => (e: JsonObject, rng: () => number) =>
  change(pick(quantityElements(e), rng));
const sourceOrDestination = (e: JsonObject) =>
  [...objects(e['sourceList']), ...objects(e['destinationList'])] as JsonObject[];

export const REQUIRED_FIELD_KINDS: MutationKind[] = [
  ev('remove-eventTime', 'invalid', always, remove('eventTime')),
  ev('remove-eventTimeZoneOffset', 'invalid', always, remove('eventTimeZoneOffset')),
  ev('remove-action', 'invalid', withAction, remove('action')),
  ev('remove-type', 'invalid', always, remove('type')),
  ev(
    'remove-bizTransactionList-of-TransactionEvent',
    'invalid',
    ofType('TransactionEvent'),
    remove('bizTransactionList'),
  ),
  ev('remove-parentID-of-AssociationEvent', 'invalid', ofType('AssociationEvent'), remove('parentID')),
  ev('remove-readPoint-id', 'invalid', has('readPoint'), (e) => delete (e['readPoint'] as JsonObject)['id']),
  ev('remove-source-type', 'invalid', has('sourceList'), (e) => delete firstOf(e, 'sourceList')['type']),
  ev('remove-declarationTime', 'invalid', has('errorDeclaration'), (e) => {
    delete (e['errorDeclaration'] as JsonObject)['declarationTime'];
  }),
  ev(
    'remove-epcClass',
    'invalid',
    hasQuantity,
    onRandomQuantity((q) => delete q['epcClass']),
  ),
];

export const WRONG_TYPE_KINDS: MutationKind[] = [
  ev('wrong-type-eventTime', 'invalid', always, set('eventTime', 1617184800000)),
  ev('wrong-type-epcList', 'invalid', has('epcList'), set('epcList', 'urn:epc:id:sgtin:0614141.107346.2017')),
  ev(
    'wrong-type-quantity',
    'invalid',
    hasQuantity,
    onRandomQuantity((q) => (q['quantity'] = '5')),
  ),
  ev('wrong-type-readPoint', 'invalid', has('readPoint'), set('readPoint', 'urn:epc:id:sgln:0614141.07346.1234')),
  ev(
    'wrong-type-sensor-value',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['value'] = '26.0')),
  ),
  ev(
    'wrong-type-booleanValue',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['booleanValue'] = 'true')),
  ),
  ev('wrong-type-certificationInfo', 'invalid', always, set('certificationInfo', 42)),
  ev('wrong-type-bizTransactionList', 'invalid', has('bizTransactionList'), (e) => {
    e['bizTransactionList'] = firstOf(e, 'bizTransactionList');
  }),
  ev(
    'bad-hexBinaryValue',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['hexBinaryValue'] = 'xyz')),
  ),
  ev('eventID-not-a-uri', 'invalid', always, set('eventID', 'event 42')),
];

export const ENUM_KINDS: MutationKind[] = [
  ev('bad-enum-action', 'invalid', withAction, set('action', 'MOVE')),
  ev('bad-enum-bizStep', 'invalid', isStandard, set('bizStep', 'shipped')),
  ev('bad-enum-disposition', 'invalid', isStandard, set('disposition', 'broken')),
  ev('bad-enum-bizTransaction-type', 'invalid', has('bizTransactionList'), (e) => {
    firstOf(e, 'bizTransactionList')['type'] = 'purchase_order';
  }),
  ev(
    'bad-enum-source-destination-type',
    'invalid',
    (e) => sourceOrDestination(e).length > 0,
    (e, rng) => {
      pick(sourceOrDestination(e), rng)['type'] = 'owner';
    },
  ),
  ev('bad-enum-error-reason', 'invalid', has('errorDeclaration'), (e) => {
    (e['errorDeclaration'] as JsonObject)['reason'] = 'mistake';
  }),
  ev(
    'bad-enum-measurement-type',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['type'] = 'Temp')),
  ),
  ev(
    'bad-enum-component',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['component'] = 'w')),
  ),
  ev(
    'bad-enum-sensor-exception',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['exception'] = 'ALARM')),
  ),
  ev('bad-type-bare-word', 'invalid', always, set('type', 'FooEvent')),
  ev('custom-uri-bizStep', 'valid', isStandard, set('bizStep', 'https://example.com/bizstep/inspecting_twice')),
];

export const CBV_URI_KINDS: MutationKind[] = [
  ev('cbv-urn-bizStep', 'invalid', isStandard, set('bizStep', 'urn:epcglobal:cbv:bizstep:receiving')),
  ev('cbv-urn-disposition', 'invalid', isStandard, set('disposition', 'urn:epcglobal:cbv:disp:in_transit')),
  ev('cbv-urn-bizTransaction-type', 'invalid', has('bizTransactionList'), (e) => {
    firstOf(e, 'bizTransactionList')['type'] = 'urn:epcglobal:cbv:btt:po';
  }),
  ev(
    'cbv-urn-source-destination-type',
    'invalid',
    (e) => sourceOrDestination(e).length > 0,
    (e, rng) => {
      pick(sourceOrDestination(e), rng)['type'] = 'urn:epcglobal:cbv:sdt:owning_party';
    },
  ),
  ev('cbv-urn-error-reason', 'invalid', has('errorDeclaration'), (e) => {
    (e['errorDeclaration'] as JsonObject)['reason'] = 'urn:epcglobal:cbv:er:incorrect_data';
  }),
  ev('cbv-urn-persistentDisposition', 'invalid', ofType('ObjectEvent', 'TransformationEvent'), (e) => {
    e['persistentDisposition'] = { set: ['urn:epcglobal:cbv:disp:completeness_verified'] };
  }),
  ev('cbv-ns-web-uri-bizStep', 'invalid', isStandard, set('bizStep', 'https://ns.gs1.org/cbv/BizStep-receiving')),
  ev('cbv-ref-web-uri-bizStep', 'valid', isStandard, set('bizStep', 'https://ref.gs1.org/cbv/BizStep-receiving')),
  ev(
    'gs1-voc-measurement-type',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['type'] = 'https://gs1.org/voc/Temperature')),
  ),
];

export const DATE_KINDS: MutationKind[] = [
  ev('bad-date-calendar', 'invalid', always, set('eventTime', '2021-02-30T10:00:00Z')),
  ev('bad-date-no-offset', 'invalid', always, set('eventTime', '2021-02-03T10:00:00')),
  ev('bad-date-text-recordTime', 'invalid', always, set('recordTime', 'yesterday')),
  ev('bad-date-declarationTime', 'invalid', has('errorDeclaration'), (e) => {
    (e['errorDeclaration'] as JsonObject)['declarationTime'] = '2021-13-01T00:00:00Z';
  }),
  ev(
    'bad-date-sensor-time',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['time'] = '2021-04-31T00:00:00Z')),
  ),
  ev('leap-second-eventTime', 'invalid', always, set('eventTime', '2016-12-31T23:59:60Z'), true),
  ev('bad-tz-offset', 'invalid', always, (e, rng) => {
    e['eventTimeZoneOffset'] = pick(['+15:00', '+14:30', '0100', '+1:00', 'Z', '-14:01', '+01:60'], rng);
  }),
  ev('good-tz-offset', 'valid', always, (e, rng) => {
    e['eventTimeZoneOffset'] = pick(['-13:59', '+14:00', '+00:00', '-00:00', '+05:45'], rng);
  }),
];

export const KEY_KINDS: MutationKind[] = [
  ev('bare-key-event', 'invalid', always, set('foo', 1)),
  ev('bare-key-readPoint', 'invalid', has('readPoint'), (e) => ((e['readPoint'] as JsonObject)['foo'] = 'bar')),
  ev('bare-key-errorDeclaration', 'invalid', has('errorDeclaration'), (e) => {
    (e['errorDeclaration'] as JsonObject)['note'] = 'x';
  }),
  ev(
    'bare-key-sensorReport',
    'invalid',
    hasSensor,
    onRandomReport((r) => (r['unit'] = 'CEL')),
  ),
  ev(
    'bare-key-sensorMetadata',
    'invalid',
    (e) => objects(e['sensorElementList']).some((s) => isObj(s['sensorMetadata'])),
    (e) => {
      const element = objects(e['sensorElementList']).find((s) => isObj(s['sensorMetadata']));
      if (element) (element['sensorMetadata'] as JsonObject)['device'] = 'x';
    },
  ),
  ev(
    'bare-key-quantityElement',
    'invalid',
    hasQuantity,
    onRandomQuantity((q) => (q['unit'] = 'KGM')),
  ),
  ev('bare-key-ilmd', 'invalid', has('ilmd'), (e) => ((e['ilmd'] as JsonObject)['lot'] = 'A1')),
  ev('curie-key-event', 'valid', always, set('example:newField', 'v')),
  ev(
    'curie-key-with-odd-nested-keys',
    'valid',
    always,
    set('example:ext', { $gt: 1, 'a.b': { 'c.d': [{ $where: 'x' }] } }),
  ),
  ev('dollar-key-event', 'invalid', always, set('$gt', 1)),
];
