/**
 * Structural mutations of the schema differential test: empty lists, the event-type specific presence rules,
 * the business rules, the intended differences (persistentDisposition, sensor exception) and the hardening limits.
 */
import type { JsonObject, JsonValue } from '../../src/model/types';
import type { MutationKind, Verdict } from './mutation-kind';
import { isObj, isStandard, objects, ofType, pick, quantityElements, sensorReports } from './mutation-kind';

const ev = (
  kind: string,
  expect: Verdict,
  applies: MutationKind['applies'],
  mutate: MutationKind['mutate'],
  outsideSchema = false,
): MutationKind => ({ kind, target: 'event', expect, outsideSchema, applies, mutate });

const nonEmpty = (e: JsonObject, key: string) => Array.isArray(e[key]) && (e[key] as JsonValue[]).length > 0;

export const LIST_KINDS: MutationKind[] = [
  ev('empty-bizTransactionList-of-TransactionEvent', 'invalid', ofType('TransactionEvent'), (e) => {
    e['bizTransactionList'] = [];
  }),
  ev(
    'empty-sensorReport',
    'invalid',
    (e) => sensorReports(e).length > 0,
    (e, rng) => {
      pick(objects(e['sensorElementList']), rng)['sensorReport'] = [];
    },
  ),
  ev('empty-persistentDisposition-set', 'invalid', ofType('ObjectEvent', 'TransformationEvent'), (e) => {
    e['persistentDisposition'] = { set: [] };
  }),
  ev(
    'empty-childEPCs-association-add',
    'invalid',
    (e) => e['type'] === 'AssociationEvent' && nonEmpty(e, 'childEPCs'),
    (e) => {
      e['childEPCs'] = [];
      e['action'] = 'ADD';
      delete e['childQuantityList'];
    },
  ),
  ev('object-event-empty-quantityList-only', 'invalid', ofType('ObjectEvent'), (e) => {
    delete e['epcList'];
    delete e['sensorElementList'];
    e['quantityList'] = [];
  }),
  ev(
    'object-event-empty-epcList',
    'valid',
    (e) => e['type'] === 'ObjectEvent' && 'epcList' in e,
    (e) => {
      e['epcList'] = [];
    },
  ),
  ev(
    'duplicate-epc',
    'invalid',
    (e) => e['type'] === 'ObjectEvent' && nonEmpty(e, 'epcList'),
    (e) => {
      const list = e['epcList'] as JsonValue[];
      list.push(list[0] ?? null);
    },
  ),
];

export const RULE_KINDS: MutationKind[] = [
  ev(
    'ilmd-on-observe',
    'invalid',
    (e) => e['type'] === 'ObjectEvent' && 'ilmd' in e,
    (e) => {
      e['action'] = 'OBSERVE';
    },
    true,
  ),
  ev(
    'ilmd-on-object-add',
    'valid',
    (e) => e['type'] === 'ObjectEvent' && !('ilmd' in e),
    (e) => {
      e['action'] = 'ADD';
      e['ilmd'] = { 'cbvmda:lotNumber': 'LOT-1' };
    },
  ),
  ev(
    'transformation-without-output',
    'invalid',
    ofType('TransformationEvent'),
    (e) => {
      delete e['outputEPCList'];
      delete e['outputQuantityList'];
      delete e['transformationID'];
    },
    true,
  ),
  ev('transformation-id-with-inputs-only', 'valid', ofType('TransformationEvent'), (e) => {
    delete e['outputEPCList'];
    delete e['outputQuantityList'];
    e['transformationID'] = 'urn:epc:id:gdti:0614141.12345.400';
  }),
  ev(
    'aggregation-add-without-parentID',
    'invalid',
    ofType('AggregationEvent'),
    (e) => {
      delete e['parentID'];
      e['action'] = 'ADD';
    },
    true,
  ),
  ev('aggregation-observe-without-parentID', 'valid', ofType('AggregationEvent'), (e) => {
    delete e['parentID'];
    e['action'] = 'OBSERVE';
  }),
  ev(
    'uom-without-quantity',
    'invalid',
    (e) => quantityElements(e).length > 0,
    (e, rng) => {
      const element = pick(quantityElements(e), rng);
      delete element['quantity'];
      element['uom'] = 'KGM';
    },
    true,
  ),
  ev(
    'bad-uom',
    'invalid',
    (e) => quantityElements(e).length > 0,
    (e, rng) => {
      const element = pick(quantityElements(e), rng);
      element['quantity'] = 2.5;
      element['uom'] = pick(['kg', 'KGMS', 'K', 'K G'], rng);
    },
  ),
  ev(
    'good-uom',
    'valid',
    (e) => quantityElements(e).length > 0,
    (e, rng) => {
      const element = pick(quantityElements(e), rng);
      element['quantity'] = 2.5;
      element['uom'] = pick(['KGM', 'LTR', 'H87', 'MTR'], rng);
    },
  ),
];

export const DIFFERENCE_KINDS: MutationKind[] = [
  ev(
    'persistentDisposition-on-object-or-transformation',
    'valid',
    ofType('ObjectEvent', 'TransformationEvent'),
    (e) => {
      e['persistentDisposition'] = { set: ['completeness_verified'], unset: ['completeness_inferred'] };
    },
  ),
  ev(
    'persistentDisposition-on-other-event-types',
    'valid',
    ofType('AggregationEvent', 'AssociationEvent', 'TransactionEvent'),
    (e) => {
      e['persistentDisposition'] = { unset: ['completeness_inferred'] };
    },
  ),
  ev(
    'sensor-exception-without-type',
    'valid',
    (e) => sensorReports(e).length > 0,
    (e, rng) => {
      const report = pick(sensorReports(e), rng);
      delete report['type'];
      report['exception'] = 'ERROR_CONDITION';
    },
  ),
  ev(
    'sensor-report-without-type-or-exception',
    'invalid',
    (e) => sensorReports(e).length > 0,
    (e, rng) => {
      const report = pick(sensorReports(e), rng);
      delete report['type'];
      delete report['exception'];
    },
  ),
  ev('extension-event-type', 'valid', isStandard, (e) => {
    const common = [
      '@context',
      'eventTime',
      'recordTime',
      'eventTimeZoneOffset',
      'eventID',
      'certificationInfo',
      'errorDeclaration',
    ];
    for (const key of Object.keys(e)) if (!common.includes(key) && !key.includes(':')) delete e[key];
    e['type'] = 'example:CustomEvent';
  }),
  ev(
    'extension-event-type-with-bare-keys',
    'invalid',
    (e) => isStandard(e) && 'bizStep' in e,
    (e) => {
      e['type'] = 'example:CustomEvent';
    },
  ),
];

const deep = (levels: number): JsonValue => {
  let value: JsonValue = 'bottom';
  for (let i = 0; i < levels; i++) value = { 'example:level': value };
  return value;
};

export const HARDENING_KINDS: MutationKind[] = [
  ev(
    'uri-too-long',
    'invalid',
    (e) => isObj(e['readPoint']),
    (e) => {
      (e['readPoint'] as JsonObject)['id'] = `urn:example:loc:${'x'.repeat(3000)}`;
    },
  ),
  ev('list-too-long', 'invalid', isStandard, (e) => {
    e['certificationInfo'] = Array.from({ length: 101 }, (_, i) => `https://cert.example.com/${i}`);
  }),
  ev(
    'extension-too-deep',
    'invalid',
    () => true,
    (e) => {
      e['example:deep'] = deep(100);
    },
    true,
  ),
  ev(
    'extension-moderately-deep',
    'valid',
    () => true,
    (e) => {
      e['example:deep'] = deep(20);
    },
  ),
];
