import assert from 'node:assert/strict';
import { parseQuery } from '../../../src/query/params/parse-query';
import type { QueryCondition } from '../../../src/query/params/query-types';
import { NAMESPACES, parseUrl } from './support';

const T0 = new Date('2024-01-02T03:04:05.000Z');

/** [query string, the one condition it must produce] */
const CONDITIONS: [string, QueryCondition][] = [
  [
    'eventType=ObjectEvent|ex:MyEvent',
    { kind: 'eventType', values: ['ObjectEvent', 'http://ns.example.com/epcis/MyEvent'] },
  ],
  ['GE_eventTime=2024-01-02T04:04:05%2B01:00', { kind: 'time', field: 'eventTime', op: 'GE', value: T0 }],
  ['LT_recordTime=2024-01-02T03:04:05Z', { kind: 'time', field: 'recordTime', op: 'LT', value: T0 }],
  ['EQ_action=ADD|DELETE', { kind: 'action', values: ['ADD', 'DELETE'] }],
  [
    'EQ_bizStep=shipping|urn:epcglobal:cbv:bizstep:receiving|https://ref.gs1.org/cbv/BizStep-packing|ex:mine',
    { kind: 'cbv', field: 'bizStep', values: ['shipping', 'receiving', 'packing', 'http://ns.example.com/epcis/mine'] },
  ],
  ['EQ_disposition=in_transit', { kind: 'cbv', field: 'disposition', values: ['in_transit'] }],
  ['EQ_persistentDisposition_set=damaged', { kind: 'cbv', field: 'persistentDispositionSet', values: ['damaged'] }],
  [
    'EQ_persistentDisposition_unset=cbv:Disp-recalled',
    { kind: 'cbv', field: 'persistentDispositionUnset', values: ['recalled'] },
  ],
  [
    'EQ_errorReason=urn:epcglobal:cbv:er:incorrect_data',
    { kind: 'cbv', field: 'errorReason', values: ['incorrect_data'] },
  ],
  [
    'EQ_readPoint=urn:epc:id:sgln:0614141.00001.0',
    { kind: 'uri', field: 'readPoint', values: ['urn:epc:id:sgln:0614141.00001.0'] },
  ],
  ['EQ_bizLocation=ex:loc', { kind: 'uri', field: 'bizLocation', values: ['http://ns.example.com/epcis/loc'] }],
  ['EQ_transformationID=urn:t:1', { kind: 'uri', field: 'transformationID', values: ['urn:t:1'] }],
  [
    'EQ_eventID=ni:///sha-256;abc?ver=CBV2.0',
    { kind: 'uri', field: 'eventID', values: ['ni:///sha-256;abc?ver=CBV2.0'] },
  ],
  ['EQ_correctiveEventID=urn:uuid:1', { kind: 'uri', field: 'correctiveEventID', values: ['urn:uuid:1'] }],
  ['WD_bizLocation=urn:a|urn:b', { kind: 'withDescendants', field: 'bizLocation', values: ['urn:a', 'urn:b'] }],
  ['WD_readPoint=urn:a', { kind: 'withDescendants', field: 'readPoint', values: ['urn:a'] }],
  [
    'MATCH_anyEPC=urn:epc:idpat:sgtin:0614141.*.*',
    { kind: 'match', field: 'anyEPC', values: ['urn:epc:idpat:sgtin:0614141.*.*'] },
  ],
  ['MATCH_outputEPCClass=urn:x', { kind: 'match', field: 'outputEPCClass', values: ['urn:x'] }],
  ['EQ_quantity=5|7.5', { kind: 'quantityEq', uom: null, values: [5, 7.5] }],
  ['GE_quantity=-1.5e2', { kind: 'quantityCompare', uom: null, op: 'GE', value: -150 }],
  ['EQ_quantity_KGM=2', { kind: 'quantityEq', uom: 'KGM', values: [2] }],
  ['LT_quantity_LTR=2', { kind: 'quantityCompare', uom: 'LTR', op: 'LT', value: 2 }],
  ['EXISTS_errorDeclaration=true', { kind: 'exists', target: 'errorDeclaration' }],
  ['EXISTS_errorDeclaration=', { kind: 'exists', target: 'errorDeclaration' }],
  ['EXISTS_sensorElementList', { kind: 'exists', target: 'sensorElementList' }],
  [
    'GE_errorDeclarationTime=2024-01-02T03:04:05Z',
    { kind: 'time', field: 'errorDeclarationTime', op: 'GE', value: T0 },
  ],
  [
    'LT_errorDeclaration_Time=2024-01-02T03:04:05Z',
    { kind: 'time', field: 'errorDeclarationTime', op: 'LT', value: T0 },
  ],
  ['GE_startTime=2024-01-02T03:04:05Z', { kind: 'time', field: 'startTime', op: 'GE', value: T0 }],
  ['LT_endTime=2024-01-02T03:04:05Z', { kind: 'time', field: 'endTime', op: 'LT', value: T0 }],
  ['GE_time=2024-01-02T03:04:05Z', { kind: 'time', field: 'sensorTime', op: 'GE', value: T0 }],
  [
    'EQ_type=Temperature|gs1:Speed|ex:Odd',
    { kind: 'sensorEq', field: 'type', values: ['Temperature', 'Speed', 'http://ns.example.com/epcis/Odd'] },
  ],
  [
    'EQ_deviceID=urn:epc:id:giai:4000001.111',
    { kind: 'sensorEq', field: 'deviceID', values: ['urn:epc:id:giai:4000001.111'] },
  ],
  ['EQ_hexBinaryValue=0a1B', { kind: 'sensorEq', field: 'hexBinaryValue', values: ['0A1B'] }],
  ['EQ_stringValue=a b', { kind: 'sensorEq', field: 'stringValue', values: ['a b'] }],
  ['EQ_booleanValue=false', { kind: 'sensorBoolean', value: false }],
  ['LE_percRank=50', { kind: 'percRank', op: 'LE', value: 50 }],
  ['EQ_value_CEL=20|21', { kind: 'sensorValueEq', metric: 'value', uom: 'CEL', values: [20, 21] }],
  ['GT_sDev_FAH=1', { kind: 'sensorValueCompare', metric: 'sDev', uom: 'FAH', op: 'GT', value: 1 }],
  ['LE_percValue_KGM=3', { kind: 'sensorValueCompare', metric: 'percValue', uom: 'KGM', op: 'LE', value: 3 }],
  ['EQ_bizTransaction_po=urn:po:1', { kind: 'typedList', list: 'bizTransaction', type: 'po', values: ['urn:po:1'] }],
  [
    'EQ_bizTransaction_urn:epcglobal:cbv:btt:desadv=urn:d:1',
    { kind: 'typedList', list: 'bizTransaction', type: 'desadv', values: ['urn:d:1'] },
  ],
  ['EQ_source_owning_party=urn:s', { kind: 'typedList', list: 'source', type: 'owning_party', values: ['urn:s'] }],
  [
    'EQ_destination_ex:carrier=urn:d',
    { kind: 'typedList', list: 'destination', type: 'http://ns.example.com/epcis/carrier', values: ['urn:d'] },
  ],
  [
    'EQ_ex:temp=a|b',
    {
      kind: 'extensionEq',
      scope: 'event',
      inner: false,
      field: 'http://ns.example.com/epcis/temp',
      values: ['a', 'b'],
    },
  ],
  [
    'EQ_http://ns.example.com/epcis/%23temp=a',
    { kind: 'extensionEq', scope: 'event', inner: false, field: 'http://ns.example.com/epcis/temp', values: ['a'] },
  ],
  [
    'EQ_ex2:f=a',
    { kind: 'extensionEq', scope: 'event', inner: false, field: 'https://example.org/ext#f', values: ['a'] },
  ],
  [
    'GT_ex:n=5',
    {
      kind: 'extensionCompare',
      scope: 'event',
      inner: false,
      field: 'http://ns.example.com/epcis/n',
      op: 'GT',
      value: 5,
    },
  ],
  [
    'LE_ILMD_ex:d=2024-01-02T03:04:05Z',
    {
      kind: 'extensionCompare',
      scope: 'ilmd',
      inner: false,
      field: 'http://ns.example.com/epcis/d',
      op: 'LE',
      value: T0,
    },
  ],
  [
    'EQ_INNER_ILMD_ex:a=1',
    { kind: 'extensionEq', scope: 'ilmd', inner: true, field: 'http://ns.example.com/epcis/a', values: ['1'] },
  ],
  [
    'EQ_INNER_ex:a=1',
    { kind: 'extensionEq', scope: 'event', inner: true, field: 'http://ns.example.com/epcis/a', values: ['1'] },
  ],
  [
    'EQ_ERROR_DECLARATION_ex:a=1',
    {
      kind: 'extensionEq',
      scope: 'errorDeclaration',
      inner: false,
      field: 'http://ns.example.com/epcis/a',
      values: ['1'],
    },
  ],
  [
    'GE_INNER_ERROR_DECLARATION_ex:a=1',
    {
      kind: 'extensionCompare',
      scope: 'errorDeclaration',
      inner: true,
      field: 'http://ns.example.com/epcis/a',
      op: 'GE',
      value: 1,
    },
  ],
  [
    'EQ_SENSORELEMENT_ex:a=1',
    {
      kind: 'extensionEq',
      scope: 'sensorElement',
      inner: false,
      field: 'http://ns.example.com/epcis/a',
      values: ['1'],
    },
  ],
  [
    'EQ_SENSORMETADATA_ex:a=1',
    {
      kind: 'extensionEq',
      scope: 'sensorMetadata',
      inner: false,
      field: 'http://ns.example.com/epcis/a',
      values: ['1'],
    },
  ],
  [
    'EQ_INNER_SENSORREPORT_ex:a=1',
    { kind: 'extensionEq', scope: 'sensorReport', inner: true, field: 'http://ns.example.com/epcis/a', values: ['1'] },
  ],
  [
    'EQ_readPoint_ex:a=1',
    { kind: 'extensionEq', scope: 'readPoint', inner: false, field: 'http://ns.example.com/epcis/a', values: ['1'] },
  ],
  [
    'EQ_INNER_bizLocation_ex:a=1',
    { kind: 'extensionEq', scope: 'bizLocation', inner: true, field: 'http://ns.example.com/epcis/a', values: ['1'] },
  ],
  ['EXISTS_ex:a', { kind: 'extensionExists', scope: 'event', inner: false, field: 'http://ns.example.com/epcis/a' }],
  [
    'EXISTS_INNER_ILMD_ex:a=',
    { kind: 'extensionExists', scope: 'ilmd', inner: true, field: 'http://ns.example.com/epcis/a' },
  ],
  [
    'HASATTR_bizLocation=cbvmda:sst|urn:x:attr',
    { kind: 'hasAttribute', field: 'bizLocation', attributes: ['urn:epcglobal:cbv:mda:sst', 'urn:x:attr'] },
  ],
  [
    'HASATTR_ex:site=urn:x:attr',
    { kind: 'hasAttribute', field: 'http://ns.example.com/epcis/site', attributes: ['urn:x:attr'] },
  ],
  [
    'EQATTR_bizLocation_urn:epcglobal:cbv:mda:sst=201|202',
    { kind: 'attributeEq', field: 'bizLocation', attribute: 'urn:epcglobal:cbv:mda:sst', values: ['201', '202'] },
  ],
  [
    'EQ_ATTR_readPoint_cbvmda:site=x',
    { kind: 'attributeEq', field: 'readPoint', attribute: 'urn:epcglobal:cbv:mda:site', values: ['x'] },
  ],
  [
    'EQATTR_ex:site_my_attr=x',
    { kind: 'attributeEq', field: 'http://ns.example.com/epcis/site', attribute: 'my_attr', values: ['x'] },
  ],
];

describe('query parser: every parameter family', () => {
  for (const [queryString, expected] of CONDITIONS) {
    it(queryString, () => {
      const query = parseUrl(queryString);
      assert.deepEqual(query.conditions, [expected]);
    });
  }

  it('EXISTS_errorDeclaration=false adds no condition', () => {
    assert.deepEqual(parseUrl('EXISTS_errorDeclaration=false').conditions, []);
  });

  it('reads the controls, with orderDirection DESC by default', () => {
    const query = parseUrl('orderBy=eventTime&eventCountLimit=1&perPage=30&nextPageToken=abc');
    assert.deepEqual(
      { ...query, conditions: undefined, parameterNames: undefined },
      {
        orderBy: { kind: 'eventTime' },
        orderDirection: 'DESC',
        eventCountLimit: 1,
        perPage: 30,
        nextPageToken: 'abc',
        conditions: undefined,
        parameterNames: undefined,
      },
    );
    assert.deepEqual(parseUrl('orderBy=ex:n&orderDirection=ASC&maxEventCount=0').orderBy, {
      kind: 'extension',
      field: 'http://ns.example.com/epcis/n',
    });
    assert.equal(parseUrl('orderBy=recordTime&orderDirection=ASC').orderDirection, 'ASC');
    assert.deepEqual(parseUrl('eventType=ObjectEvent&perPage=2').parameterNames, ['eventType', 'perPage']);
  });

  it('reads a named-query body: arrays, numbers, an @context declaring prefixes', () => {
    const query = parseQuery(
      {
        body: {
          '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { my: 'urn:my:' }],
          eventType: ['ObjectEvent'],
          EQ_quantity: [3],
          GE_quantity: 2,
          'EQ_my:f': ['x'],
          EXISTS_errorDeclaration: null,
          EQ_booleanValue: true,
          orderBy: 'eventTime',
          eventCountLimit: 5,
        },
      },
      { namespaces: NAMESPACES },
    );
    assert.deepEqual(query.conditions, [
      { kind: 'eventType', values: ['ObjectEvent'] },
      { kind: 'quantityEq', uom: null, values: [3] },
      { kind: 'quantityCompare', uom: null, op: 'GE', value: 2 },
      { kind: 'extensionEq', scope: 'event', inner: false, field: 'urn:my:f', values: ['x'] },
      { kind: 'exists', target: 'errorDeclaration' },
      { kind: 'sensorBoolean', value: true },
    ]);
    assert.equal(query.eventCountLimit, 5);
  });
});
