import assert from 'node:assert/strict';
import { parseQuery } from '../../../src/query/params/parse-query';
import type { EpcisQuery } from '../../../src/query/params/query-types';
import { translateQuery } from '../../../src/query/translate/translate-query';
import { canonicalEpc, NAMESPACES, params } from './support';

const T0 = new Date('2024-01-02T03:04:05.000Z');
const T = '2024-01-02T03:04:05Z';
const EX = 'http://ns.example.com/epcis/';
/** Extension field IRIs inside paths: key-codec encodes the dots. */
const EXP = 'http://ns%2Eexample%2Ecom/epcis/';
const SGTIN = 'urn:epc:id:sgtin:0614141.107346.2017';
const SGTIN_DL = 'https://id.gs1.org/01/10614141073464/21/2017';
const ROOM = 'https://id.gs1.org/414/0614141000012';
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

type Input = string | Record<string, string>;
const parse = (input: Input): EpcisQuery =>
  parseQuery({ params: typeof input === 'string' ? params(input) : input }, { namespaces: NAMESPACES });

/** [query, the exact filter document] */
const FILTERS: [Input, Record<string, unknown>][] = [
  ['', {}],
  ['eventType=ObjectEvent|ex:MyEvent', { 'q.type': { $in: ['ObjectEvent', `${EX}MyEvent`] } }],
  [`GE_eventTime=${T}`, { eventTime: { $gte: T0 } }],
  [`LT_recordTime=${T}`, { recordTime: { $lt: T0 } }],
  [`GE_errorDeclaration_Time=${T}`, { 'q.ed.time': { $gte: T0 } }],
  [`LT_errorDeclarationTime=${T}`, { 'q.ed.time': { $lt: T0 } }],
  [`LT_startTime=${T}`, { 'q.sensor.startTime': { $lt: T0 } }],
  [`GE_endTime=${T}`, { 'q.sensor.endTime': { $gte: T0 } }],
  [`GE_time=${T}`, { 'q.sensor.time': { $gte: T0 } }],
  ['EQ_action=ADD|OBSERVE', { 'q.action': { $in: ['ADD', 'OBSERVE'] } }],
  ['EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping', { 'q.bizStep': { $in: ['shipping'] } }],
  ['EQ_disposition=in_transit', { 'q.disposition': { $in: ['in_transit'] } }],
  ['EQ_persistentDisposition_set=damaged', { 'q.pdSet': { $in: ['damaged'] } }],
  ['EQ_persistentDisposition_unset=damaged', { 'q.pdUnset': { $in: ['damaged'] } }],
  ['EQ_errorReason=did_not_occur', { 'q.ed.reason': { $in: ['did_not_occur'] } }],
  ['EQ_readPoint=urn:epc:id:sgln:0614141.00001.0', { 'q.readPoint': { $in: [ROOM] } }],
  [`EQ_bizLocation=${ROOM}|urn:epc:id:sgln:0614141.00001.0`, { 'q.bizLocation': { $in: [ROOM] } }],
  [
    'EQ_eventID=urn:uuid:1|ni:///sha-256;ab?ver=CBV2.0',
    { eventID: { $in: ['urn:uuid:1', 'ni:///sha-256;ab?ver=CBV2.0'] } },
  ],
  ['EQ_correctiveEventID=urn:uuid:2', { 'q.ed.corrective': { $in: ['urn:uuid:2'] } }],
  ['EQ_transformationID=urn:t:1', { 'q.transformationID': { $in: ['urn:t:1'] } }],
  ['EXISTS_errorDeclaration=true', { 'q.ed': { $exists: true } }],
  ['EXISTS_sensorElementList=', { 'q.sensor': { $exists: true } }],
  [`EQ_bizTransaction_po=${SGTIN}|urn:x:po:1`, { 'q.bizTx': { $in: [`po|${SGTIN_DL}`, 'po|urn:x:po:1'] } }],
  ['EQ_source_owning_party=urn:epc:id:sgln:0614141.00001.0', { 'q.source': { $in: [`owning_party|${ROOM}`] } }],
  ['EQ_destination_ex:carrier=urn:x', { 'q.destination': { $in: [`${EX}carrier|urn:x`] } }],
  [`MATCH_epc=${SGTIN}`, { 'q.epc': { $in: [SGTIN_DL, SGTIN] } }],
  [
    'MATCH_inputEPC=https://example.com/01/10614141073464/21/2017',
    { 'q.inputEPC': { $in: [SGTIN_DL, 'https://example.com/01/10614141073464/21/2017'] } },
  ],
  ['MATCH_outputEPC=urn:x:.*', { 'q.outputEPC': { $in: ['urn:x:.*'] } }],
  [
    'MATCH_epc=urn:epc:idpat:sgtin:0614141.107346.*',
    {
      $or: [
        { 'q.epc': { $in: ['https://id.gs1.org/01/10614141073464', 'urn:epc:idpat:sgtin:0614141.107346.*'] } },
        { 'q.epc': { $regex: '^urn:epc:id:sgtin:0614141\\.107346\\.' } },
        { 'q.epc': { $regex: '^urn:epc:class:lgtin:0614141\\.107346\\.' } },
        { 'q.epc': { $regex: '^https://id\\.gs1\\.org/01/10614141073464/' } },
      ],
    },
  ],
  [
    'MATCH_epc=urn:epc:idpat:sgln:0614141.00001.*',
    {
      $or: [
        { 'q.epc': { $in: ['urn:epc:idpat:sgln:0614141.00001.*', ROOM] } },
        { 'q.epc': { $regex: '^urn:epc:id:sgln:0614141\\.00001\\.' } },
        { 'q.epc': { $regex: `^https://id\\.gs1\\.org/414/0614141000012/254/` } },
      ],
    },
  ],
  [
    'MATCH_parentID=urn:epc:idpat:sscc:0614141.*',
    {
      $or: [
        { 'q.parentID': { $in: ['urn:epc:idpat:sscc:0614141.*'] } },
        { 'q.parentID': { $gte: 'urn:epc:id:sscc:0614141.', $lt: 'urn:epc:id:sscc:0614141/' } },
        ...DIGITS.map((d) => ({
          'q.parentID': { $gte: `https://id.gs1.org/00/${d}0614141`, $lt: `https://id.gs1.org/00/${d}0614142` },
        })),
      ],
    },
  ],
  [
    'MATCH_anyEPC=urn:acme:asset:7',
    {
      $or: [
        { 'q.epc': { $in: ['urn:acme:asset:7'] } },
        { 'q.parentID': { $in: ['urn:acme:asset:7'] } },
        { 'q.inputEPC': { $in: ['urn:acme:asset:7'] } },
        { 'q.outputEPC': { $in: ['urn:acme:asset:7'] } },
      ],
    },
  ],
  [
    'MATCH_anyEPCClass=urn:epc:class:lgtin:0614141.107346.LOT1',
    {
      $or: [
        {
          'q.epcClass': {
            $in: ['https://id.gs1.org/01/10614141073464/10/LOT1', 'urn:epc:class:lgtin:0614141.107346.LOT1'],
          },
        },
        {
          'q.inputEPCClass': {
            $in: ['https://id.gs1.org/01/10614141073464/10/LOT1', 'urn:epc:class:lgtin:0614141.107346.LOT1'],
          },
        },
        {
          'q.outputEPCClass': {
            $in: ['https://id.gs1.org/01/10614141073464/10/LOT1', 'urn:epc:class:lgtin:0614141.107346.LOT1'],
          },
        },
      ],
    },
  ],
  // Regular-expression syntax in a pattern stays literal text.
  [
    { MATCH_epc: 'urn:epc:idpat:x-y:a(b)+c.[d]$^\\.*' },
    {
      $or: [
        { 'q.epc': { $in: ['urn:epc:idpat:x-y:a(b)+c.[d]$^\\.*'] } },
        { 'q.epc': { $regex: '^urn:epc:id:x-y:a\\(b\\)\\+c\\.\\[d\\]\\$\\^\\\\\\.' } },
      ],
    },
  ],
  [{ MATCH_epcClass: 'urn:epc:idpat:giai:?{2}|x' }, { 'q.epcClass': { $in: ['urn:epc:id:giai:?{2}', 'x'] } }],
  ['EQ_quantity=5|6', { 'q.qty': { $in: [5, 6] } }],
  ['GT_quantity=5', { 'q.qty': { $gt: 5 } }],
  ['EQ_quantity_GRM=500', { 'q.qtyBase.KGM': { $in: [0.5] } }],
  ['LE_quantity_XYZ=2', { 'q.qtyBase.XYZ': { $lte: 2 } }],
  ['GE_quantity_LBR=2', { 'q.qtyBase.KGM': { $gte: 0.90718474 } }],
  ['GE_value_CEL=8', { 'q.sensor.m.value.KEL': { $gte: 281.15 } }],
  ['EQ_value_FAH=32|212', { 'q.sensor.m.value.KEL': { $in: [273.15, 373.15] } }],
  ['GT_sDev_FAH=9', { 'q.sensor.m.sDev.KEL': { $gt: 5 } }],
  ['LT_minValue_LBR=1', { 'q.sensor.m.minValue.KGM': { $lt: 0.45359237 } }],
  ['GE_maxValue_A97=10', { 'q.sensor.m.maxValue.PAL': { $gte: 1000 } }],
  ['LE_meanValue_MIN=2', { 'q.sensor.m.meanValue.SEC': { $lte: 120 } }],
  ['GE_percValue_P1=5', { 'q.sensor.m.percValue.P1': { $gte: 5 } }],
  ['GE_value_LUX=5', { 'q.sensor.m.value.LUX': { $gte: 5 } }],
  [
    'EQ_type=Temperature&GE_value_CEL=8',
    {
      $and: [{ 'q.sensor.type': { $in: ['Temperature'] } }, { 'q.sensor.mt.Temperature.value.KEL': { $gte: 281.15 } }],
    },
  ],
  [
    'GE_value_CEL=8&EQ_type=Temperature|ex:T',
    {
      $and: [
        {
          $or: [
            { 'q.sensor.mt.Temperature.value.KEL': { $gte: 281.15 } },
            { [`q.sensor.mt.${EXP}T.value.KEL`]: { $gte: 281.15 } },
          ],
        },
        { 'q.sensor.type': { $in: ['Temperature', `${EX}T`] } },
      ],
    },
  ],
  ['GE_percRank=50', { 'q.sensor.percRank': { $gte: 50 } }],
  ['EQ_deviceID=urn:epc:id:giai:4000001.111', { 'q.sensor.deviceID': { $in: ['https://id.gs1.org/8004/4000001111'] } }],
  ['EQ_microorganism=https://id.example/m', { 'q.sensor.microorganism': { $in: ['https://id.example/m'] } }],
  ['EQ_stringValue=SN 1', { 'q.sensor.stringValue': { $in: ['SN 1'] } }],
  ['EQ_hexBinaryValue=ab', { 'q.sensor.hexBinaryValue': { $in: ['AB'] } }],
  ['EQ_booleanValue=true', { 'q.sensor.booleanValue': true }],
  ['EQ_ex:f=a|b', { 'q.x.eq.event': { $in: [`${EX}f|a`, `${EX}f|b`] } }],
  // EQ_ values that read as numbers or date-times also match the numeric or time value.
  [
    'EQ_ex:temp=12.50|x|1.25e1',
    {
      $or: [
        { 'q.x.eq.event': { $in: [`${EX}temp|12.50`, `${EX}temp|x`, `${EX}temp|1.25e1`] } },
        { [`q.x.num.event.${EXP}temp`]: { $in: [12.5] } },
      ],
    },
  ],
  [
    `EQ_INNER_ILMD_ex:d=${T}`,
    {
      $or: [{ 'q.x.eq.ilmdInner': { $in: [`${EX}d|${T}`] } }, { [`q.x.time.ilmdInner.${EXP}d`]: { $in: [T0] } }],
    },
  ],
  ['GT_ex:n=5', { [`q.x.num.event.${EXP}n`]: { $gt: 5 } }],
  [`LE_ILMD_ex:d=${T}`, { [`q.x.time.ilmd.${EXP}d`]: { $lte: T0 } }],
  ['EQ_INNER_ERROR_DECLARATION_ex:a=v', { 'q.x.eq.errorDeclarationInner': { $in: [`${EX}a|v`] } }],
  ['EQ_SENSORMETADATA_ex:a=v', { 'q.x.eq.sensorMetadata': { $in: [`${EX}a|v`] } }],
  ['EQ_readPoint_ex:a=v', { 'q.x.eq.readPoint': { $in: [`${EX}a|v`] } }],
  ['EXISTS_INNER_SENSORREPORT_ex:a', { 'q.x.has.sensorReportInner': `${EX}a` }],
  ['EXISTS_ex:a', { 'q.x.has.event': `${EX}a` }],
  // Operator-looking field names stay inert path segments (SECURITY-AND-PERFORMANCE-NOTES 1.2.11/1.2.12).
  ['GT_$x:y=1', { 'q.x.num.event.%24x:y': { $gt: 1 } }],
  ['EQ_ex:$where=w', { 'q.x.eq.event': { $in: [`${EX}$where|w`] } }],
  [
    `EQ_action=ADD&GE_eventTime=${T}&EQ_bizStep=shipping`,
    { $and: [{ 'q.action': { $in: ['ADD'] } }, { eventTime: { $gte: T0 } }, { 'q.bizStep': { $in: ['shipping'] } }] },
  ],
];

describe('query translator: exact filter per parameter family', () => {
  for (const [input, expected] of FILTERS) {
    it(typeof input === 'string' ? input || '(no parameter)' : JSON.stringify(input), () => {
      assert.deepEqual(translateQuery(parse(input), { canonicalEpc }).filter, expected);
    });
  }
});
