import assert from 'node:assert/strict';
import fc from 'fast-check';
import { preHashString, treePreHashString } from '../../../src/hash/event-hash';
import { HashTreeBuilder } from '../../../src/hash/hash-tree';
import { writePreHash } from '../../../src/hash/pre-hash-writer';
import type { JsonObject, JsonValue } from '../../../src/model/types';

/**
 * The direct writer (src/hash/pre-hash-writer.ts) must write the same pre-hash string as the general tree writer
 * (EPCIS-DIGEST §h) for every event: the standard shapes it covers, and any other shape it hands over.
 */
const NS = { ex: 'https://ns.example.com/epcis/', ex2: 'urn:x#', gs1: 'https://gs1.org/voc/' };
const TEXTS = [
  ...['shipping', 'in_transit', 'receiving', 'po', 'owning_party', 'Temperature', 'ALARM_CONDITION', 'OBSERVE'],
  ...['gs1:Temperature', 'ex:value', 'ex2:v', 'urn:epcglobal:cbv:bizstep:receiving', 'x urn:epcglobal:cbv:btt:po'],
  ...[
    'urn:epc:id:sgtin:0614141.107346.2017',
    'urn:epc:id:sgtin:0614141.107346.a%2Fb',
    'urn:epc:id:sscc:0614141.1234567890',
  ],
  ...[
    'https://id.gs1.org/01/10614141073464/21/x',
    'https://example.com/01/10614141073464/21/2?x=1',
    'urn:epc:id:sgln:0614141.12345.0',
  ],
  ...['urn:epc:class:lgtin:4012345.012345.998877', 'http://id.gs1.org/414/4012345000115', 'urn:epcglobal:cbv:bt:1:2'],
  ...[
    '2024-01-10T10:00:00.5+02:00',
    '2024-01-10T10:00:00.1435-05:30',
    '2023-02-29T10:00:00Z',
    '0099-12-31T23:59:59.9995Z',
  ],
  ...[
    '26.0',
    '1e3',
    '1_000',
    '-0',
    '0.00001',
    '.5',
    'NaN',
    ' 12 ',
    '',
    '  ',
    '\ue000x',
    '\u{1F600}',
    'a/}b',
    'CEL',
    'KGM',
  ],
];
const text = fc.constantFrom(...TEXTS);
const number = fc.constantFrom(0, 1, -1, 2.5, 1e21, 1e-7, 26, 0.1);
const scalar: fc.Arbitrary<JsonValue> = fc.oneof(text, number, fc.boolean(), fc.constant(null));

const EPC_LISTS = ['epcList', 'inputEPCList', 'childEPCs', 'outputEPCList'];
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const LEAVES = ['eventTimeZoneOffset', 'certificationInfo', 'parentID', 'action', 'transformationID', 'bizStep'];
const TYPED_LISTS = ['bizTransactionList', 'sourceList', 'destinationList'];
const METADATA = ['time', 'startTime', 'endTime', 'deviceID', 'rawData', 'bizRules'];
const REPORT = ['type', 'exception', 'deviceID', 'time', 'value', 'component', 'stringValue', 'booleanValue', 'uom'];

/** A JSON object (as `JSON.parse` makes it) of some of `keys`, each with a value from `value`. */
const someOf = (keys: string[], value: fc.Arbitrary<JsonValue>): fc.Arbitrary<JsonObject> =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length, noNullPrototype: true });

/** The standard shapes the direct writer covers. */
const standard: Record<string, fc.Arbitrary<JsonValue>> = {
  ...Object.fromEntries(LEAVES.concat('disposition').map((k) => [k, text])),
  ...Object.fromEntries(EPC_LISTS.map((k) => [k, fc.array(text, { maxLength: 4 })])),
  ...Object.fromEntries(
    QUANTITY_LISTS.map((k) => [
      k,
      fc.array(
        fc.record(
          { epcClass: text, quantity: fc.oneof(number, text), uom: text },
          { requiredKeys: ['epcClass'], noNullPrototype: true },
        ),
        { maxLength: 3 },
      ),
    ]),
  ),
  readPoint: fc.record({ id: text }, { noNullPrototype: true }),
  bizLocation: fc.record({ id: text }, { noNullPrototype: true }),
  sensorElementList: fc.array(
    fc.record(
      { sensorMetadata: someOf(METADATA, scalar), sensorReport: fc.array(someOf(REPORT, scalar), { maxLength: 3 }) },
      { requiredKeys: [], noNullPrototype: true },
    ),
    { maxLength: 2 },
  ),
  ...Object.fromEntries(
    TYPED_LISTS.map((k) => [
      k,
      fc.array(someOf(['type', 'bizTransaction', 'source', 'destination', 'ex:other'], text), { maxLength: 3 }),
    ]),
  ),
  'ex:extension': fc.oneof(text, someOf(['ex:a', 'ex:b', 'c'], text)),
};

/** Any JSON, with the keys of events, extensions, ignored keys and XML text. */
const KEYS = [...Object.keys(standard), 'id', 'epc', 'type', 'quantity', 'sensorReport', 'sensorMetadata', 'uom'];
KEYS.push(
  '#text',
  'comment',
  'ex:x',
  'ex:xList',
  'undeclared:x',
  '{https://ns/}x',
  'bizTransaction',
  'errorDeclaration',
);
const anything: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

const event = (values: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> =>
  fc
    .tuple(fc.constantFrom('ObjectEvent', 'AggregationEvent', 'TransformationEvent'), text, values)
    .map(([type, eventTime, rest]) => ({ type, eventTime, ...rest }));

const namespaces = fc.constantFrom<Record<string, string>>({}, NS);

/** Some of the standard fields, each in its usual shape. */
const standardFields = fc
  .record(standard, { requiredKeys: [], noNullPrototype: true })
  .map((fields) => fields as JsonObject);

describe('event hash: direct writer = tree writer (property-based)', () => {
  it('writes the standard shapes itself, with the same text as the tree writer', () => {
    fc.assert(
      fc.property(event(standardFields), namespaces, (e, ns) => {
        const direct = writePreHash(e, new HashTreeBuilder(ns));
        assert.notEqual(direct, undefined, 'the direct writer covers the standard shapes');
        assert.equal(preHashString(e, ns), treePreHashString(e, ns));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same text as the tree writer for any other shape', () => {
    const values = fc.dictionary(
      fc.constantFrom(...KEYS, 'eventTime'),
      fc.oneof(anything, ...Object.values(standard)),
      {
        noNullPrototype: true,
      },
    );
    fc.assert(
      fc.property(event(values), namespaces, (e, ns) => {
        assert.equal(preHashString(e, ns), treePreHashString(e, ns));
      }),
      { numRuns: 1500 },
    );
  });
});
