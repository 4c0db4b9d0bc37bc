/** Small hand-written EPCIS 2.0 JSON events and documents for the validation unit tests. */
import type { JsonObject } from '../../../src/model/types';

export const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export const objectEvent = (extra: JsonObject = {}): JsonObject => ({
  type: 'ObjectEvent',
  eventTime: '2024-05-01T10:00:00.000+02:00',
  eventTimeZoneOffset: '+02:00',
  epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  ...extra,
});

export const aggregationEvent = (extra: JsonObject = {}): JsonObject => ({
  type: 'AggregationEvent',
  eventTime: '2024-05-01T10:00:00Z',
  eventTimeZoneOffset: '+00:00',
  parentID: 'urn:epc:id:sscc:0614141.1234567890',
  childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'],
  action: 'ADD',
  ...extra,
});

export const transformationEvent = (extra: JsonObject = {}): JsonObject => ({
  type: 'TransformationEvent',
  eventTime: '2024-05-01T10:00:00Z',
  eventTimeZoneOffset: '+00:00',
  inputEPCList: ['urn:epc:id:sgtin:4012345.011122.25'],
  outputEPCList: ['urn:epc:id:sgtin:4012345.077889.25'],
  ...extra,
});

export const epcisDocument = (events: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  '@context': [CONTEXT, { example: 'https://ns.example.com/epcis/' }],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2024-05-01T11:00:00Z',
  epcisBody: { eventList: events },
  ...extra,
});
