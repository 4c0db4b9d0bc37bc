/**
 * A small corpus of captured events (standard JSON form) for the query-field and semantic tests. Each event
 * exercises one of the bugs other EPCIS servers shipped (issue 4, Acceptance).
 */
import type { JsonObject, VocabularyElementRecord } from '../../../src/model/types';

export const SITE = 'urn:epc:id:sgln:0614141.00000.0';
export const BUILDING = 'https://id.gs1.org/414/0614141000029';
export const ROOM = 'urn:epc:id:sgln:0614141.00001.0';

const base = (id: string, type: string, time: string): JsonObject => ({
  eventID: id,
  type,
  eventTime: time,
  eventTimeZoneOffset: '+00:00',
});

export const EVENTS: Record<string, JsonObject> = {
  /** URN capture; po and desadv transactions; sensor data; extensions; bizLocation three levels below SITE. */
  shipUrn: {
    ...base('urn:uuid:ship-urn', 'ObjectEvent', '2024-03-01T10:00:00Z'),
    action: 'OBSERVE',
    epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'urn:epc:id:sgln:0614141.00001.7', 'ex:dock': 'D1' },
    bizLocation: { id: ROOM },
    bizTransactionList: [
      { type: 'po', bizTransaction: 'urn:x:po:100' },
      { type: 'desadv', bizTransaction: 'urn:x:doc:200' },
    ],
    sourceList: [{ type: 'owning_party', source: 'urn:x:party:A' }],
    destinationList: [{ type: 'possessing_party', destination: 'urn:x:party:B' }],
    'ex:temp': 12.5,
    'ex:shipped': '2024-03-01T09:00:00Z',
    'ex:note': { 'ex:inner': 'deep', 'ex2:level': ['5', 'x'] },
    sensorElementList: [
      {
        sensorMetadata: { time: '2024-03-01T09:30:00Z', deviceID: 'urn:epc:id:giai:4000001.111', 'ex:fw': '1.2' },
        sensorReport: [
          { type: 'gs1:Temperature', value: 9.5, uom: 'CEL', sDev: 0.5 },
          { type: 'Humidity', value: 70, uom: 'P1' },
          { type: 'ex:Pressure', value: 1013.25, uom: 'A97', 'ex:calibrated': true },
        ],
      },
    ],
  },
  /** Digital Link capture of a second serial; the types of its transactions are swapped (po <-> desadv). */
  receiveDl: {
    ...base('urn:uuid:receive-dl', 'ObjectEvent', '2024-03-02T10:00:00Z'),
    action: 'OBSERVE',
    epcList: ['https://id.gs1.org/01/10614141073464/21/2018'],
    bizStep: 'urn:epcglobal:cbv:bizstep:receiving',
    disposition: 'https://ref.gs1.org/cbv/Disp-in_progress',
    bizLocation: { id: 'urn:x:loc:elsewhere' },
    bizTransactionList: [
      { type: 'desadv', bizTransaction: 'urn:x:po:100' },
      { type: 'po', bizTransaction: 'urn:x:doc:200' },
    ],
    sourceList: [{ type: 'possessing_party', source: 'urn:x:party:A' }],
    destinationList: [{ type: 'owning_party', destination: 'urn:x:party:B' }],
    persistentDisposition: { set: ['urn:epcglobal:cbv:disp:damaged'], unset: ['active'] },
    'ex:temp': '3',
    sensorElementList: [
      {
        sensorMetadata: { startTime: '2024-03-02T08:00:00Z', endTime: '2024-03-02T09:00:00Z' },
        sensorReport: [
          { type: 'Temperature', value: 40, uom: 'FAH' },
          { type: 'ex:Pressure', value: 30, uom: 'CEL' },
          { type: 'Humidity', booleanValue: true, stringValue: 'ok', hexBinaryValue: 'ff', percRank: 50 },
        ],
      },
    ],
  },
  /** Aggregation: a pallet (SSCC, DL form) with a GS1 child and private/custom URN children. */
  pack: {
    ...base('urn:uuid:pack', 'AggregationEvent', '2024-03-03T10:00:00Z'),
    action: 'ADD',
    parentID: 'https://id.gs1.org/00/106141412345678908',
    childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:acme:asset:7'],
    childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:0614141.107346.LOT1', quantity: 500, uom: 'GRM' }],
    bizStep: 'packing',
    readPoint: { id: 'urn:x:line:1' },
  },
  /** Transformation: GS1 input by URN, private output; quantities. */
  transform: {
    ...base('urn:uuid:transform', 'TransformationEvent', '2024-03-04T10:00:00Z'),
    inputEPCList: ['urn:epc:id:sgtin:4012345.011111.1'],
    outputEPCList: ['urn:example:private:out-9'],
    inputQuantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614141.107346.*', quantity: 2, uom: 'KGM' }],
    outputQuantityList: [{ epcClass: 'urn:example:class:x', quantity: 3 }],
    transformationID: 'urn:x:transformation:1',
    ilmd: { 'ex:lot': 'L1', 'ex:best': '2025-01-01T00:00:00Z', 'ex:spec': { 'ex:grade': 'A' } },
  },
  /** An error declaration of shipUrn (same eventID, EPCIS 2.0 §7.4.1.2). */
  shipUrnError: {
    ...base('urn:uuid:ship-urn', 'ObjectEvent', '2024-03-01T10:00:00Z'),
    action: 'OBSERVE',
    epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
    errorDeclaration: {
      declarationTime: '2024-03-05T00:00:00Z',
      reason: 'urn:epcglobal:cbv:er:incorrect_data',
      correctiveEventIDs: ['urn:uuid:fix-1'],
      'ex:by': 'auditor',
    },
  },
  /** An extension event type with private identifiers only. */
  custom: {
    ...base('urn:uuid:custom', 'ex:InspectionEvent', '2024-03-06T10:00:00Z'),
    epcList: ['urn:acme:asset:7', 'urn:x:my-item.1'],
    bizStep: 'ex:inspecting-ext',
    bizLocation: { id: BUILDING },
    'ex:temp': 30,
  },
};

/** Master data: SITE > BUILDING (written as DL) > ROOM, with attributes. */
export const VOCABULARY: VocabularyElementRecord[] = [
  {
    type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
    id: SITE,
    attributes: [{ id: 'urn:epcglobal:cbv:mda:sst', attribute: '201' }],
    children: ['urn:epc:id:sgln:0614141.00002.0'],
  },
  {
    type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
    id: BUILDING,
    attributes: [{ id: 'cbvmda:sst', attribute: 202 }],
    children: [ROOM],
  },
  {
    type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
    id: ROOM,
    attributes: [{ id: 'urn:x:flag', attribute: null }],
    children: [],
  },
];
