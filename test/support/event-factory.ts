/** Valid EPCIS 2.0 events and documents for tests and benchmarks (deterministic for a given seed/index). */
import type { JsonObject } from '../../src/model/types';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const EXAMPLE_NS = 'http://ns.example.com/epcis/';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function objectEvent(i: number, overrides: JsonObject = {}): JsonObject {
  return {
    type: 'ObjectEvent',
    eventTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    eventTimeZoneOffset: '+01:00',
    eventID: `urn:uuid:00000000-0000-4000-8000-${pad(i, 12)}`,
    epcList: [`urn:epc:id:sgtin:0614141.107346.${i}`, `urn:epc:id:sgtin:0614141.107346.${i + 1_000_000}`],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
    bizLocation: { id: 'urn:epc:id:sgln:0614141.07346.0' },
    bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:0614141073467:${i}` }],
    'example:myField': `value-${i}`,
    ...overrides,
  };
}

export function aggregationEvent(i: number, overrides: JsonObject = {}): JsonObject {
  return {
    type: 'AggregationEvent',
    eventTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
    eventTimeZoneOffset: '+01:00',
    eventID: `urn:uuid:00000000-0000-4000-9000-${pad(i, 12)}`,
    parentID: `urn:epc:id:sscc:0614141.${pad(i % 10_000_000_000, 10)}`,
    childEPCs: [`urn:epc:id:sgtin:0614141.107346.${i}`, `urn:epc:id:sgtin:0614141.107346.${i + 1_000_000}`],
    action: 'ADD',
    bizStep: 'packing',
    disposition: 'in_progress',
    readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
    ...overrides,
  };
}

export function epcisDocument(events: JsonObject[], extraContext: JsonObject = { example: EXAMPLE_NS }): JsonObject {
  return {
    '@context': [EPCIS_CONTEXT, extraContext],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-01-01T00:00:00Z',
    epcisBody: { eventList: events },
  };
}

export const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);
