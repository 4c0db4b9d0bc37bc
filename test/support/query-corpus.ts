/**
 * A seeded generator of EPCIS events and of SimpleEventQuery strings over them, for the differential query test
 * and the query benchmark: values are drawn from small pools so that queries match some events, in URN and
 * Digital Link forms, with extension fields of several types (and sometimes absent), sensor reports in two
 * units, quantities, typed business transactions and sources, error declarations, and a location hierarchy.
 */
import type { JsonObject, VocabularyElementRecord } from '../../src/model/types';

/** The seeded PRNG of test/support/seeded-random.ts, under the name the query tests and benchmark use. */
export { seededRandom as prng } from './seeded-random';

export interface CorpusSizes {
  epcs: number;
  locations: number;
  bizSteps: number;
}

const STEPS = ['shipping', 'receiving', 'packing', 'storing', 'picking', 'loading', 'unloading', 'inspecting'];
const DISPOSITIONS = ['in_transit', 'in_progress', 'active', 'sellable_accessible', 'damaged'];
const TYPES = ['ObjectEvent', 'AggregationEvent', 'TransformationEvent', 'TransactionEvent'];
const T0 = Date.UTC(2024, 0, 1);

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const serial = (n: number) => `urn:epc:id:sgtin:0614141.107346.${n}`;
export const serialDl = (n: number) => `https://id.gs1.org/01/10614141073464/21/${n}`;
export const sscc = (n: number) => `urn:epc:id:sscc:0614141.${String(n).padStart(10, '0')}`;
export const location = (n: number) => `urn:epc:id:sgln:0614141.00${String(n % 1000).padStart(3, '0')}.0`;
export const step = (n: number) => (n < STEPS.length ? STEPS[n]! : `example:step${n}`);

/** Master data: location k's parent is location floor(k / 4) (k > 0), so the hierarchy is several levels deep. */
export function locationHierarchy(sizes: CorpusSizes): VocabularyElementRecord[] {
  return Array.from({ length: sizes.locations }, (_, k) => ({
    type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
    id: location(k),
    attributes: [{ id: 'urn:epcglobal:cbv:mda:site', attribute: `site-${k % 3}` }],
    children: [1, 2, 3, 4]
      .map((c) => 4 * k + c)
      .filter((c) => c < sizes.locations)
      .map(location),
  }));
}

export function generateEvent(i: number, random: () => number, sizes: CorpusSizes): JsonObject {
  const type = pick(random, TYPES);
  const epc = (n = Math.floor(random() * sizes.epcs)) => (random() < 0.3 ? serialDl(n) : serial(n));
  const event: JsonObject = {
    type,
    eventID: `urn:uuid:10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    eventTime: new Date(T0 + Math.floor(random() * 30 * 86_400) * 1000).toISOString(),
    eventTimeZoneOffset: '+00:00',
    bizStep: step(Math.floor(random() * sizes.bizSteps)),
    readPoint: { id: location(Math.floor(random() * sizes.locations)) },
    bizLocation: { id: location(Math.floor(random() * sizes.locations)) },
  };
  if (random() < 0.8) event['disposition'] = pick(random, DISPOSITIONS);
  if (type === 'TransformationEvent') {
    event['inputEPCList'] = [epc(), epc()];
    event['outputEPCList'] = [epc()];
  } else {
    event['action'] = pick(random, ['ADD', 'OBSERVE', 'DELETE'] as const);
    const list = [epc(), ...(random() < 0.5 ? [epc()] : [])];
    if (type === 'ObjectEvent') event['epcList'] = list;
    else {
      event['childEPCs'] = list;
      event['parentID'] = sscc(Math.floor(random() * 50));
    }
  }
  if (random() < 0.5)
    event['quantityList'] = [
      {
        epcClass: `urn:epc:class:lgtin:0614141.107346.L${Math.floor(random() * 5)}`,
        quantity: Math.floor(random() * 20),
        uom: pick(random, ['KGM', 'GRM']),
      },
    ];
  if (random() < 0.6)
    event['bizTransactionList'] = [
      { type: pick(random, ['po', 'desadv', 'inv']), bizTransaction: `urn:epcglobal:cbv:bt:0614141073467:${i % 40}` },
    ];
  if (random() < 0.4)
    event['sourceList'] = [
      { type: pick(random, ['owning_party', 'possessing_party']), source: `urn:epc:id:pgln:0614141.0000${i % 7}` },
    ];
  if (random() < 0.4) {
    const celsius = random() < 0.5;
    event['sensorElementList'] = [
      {
        sensorMetadata: { time: event['eventTime'] as string },
        sensorReport: [
          {
            type: pick(random, ['Temperature', 'Humidity']),
            value: Math.round(random() * 400) / 10,
            uom: celsius ? 'CEL' : 'FAH',
          },
        ],
      },
    ];
  }
  const rank = random();
  if (rank < 0.3) event['example:n'] = Math.floor(random() * 50);
  else if (rank < 0.45) event['example:n'] = `code-${Math.floor(random() * 5)}`;
  else if (rank < 0.55) event['example:n'] = new Date(T0 + Math.floor(random() * 10) * 86_400_000).toISOString();
  if (random() < 0.5) event['example:f'] = `v${Math.floor(random() * 6)}`;
  if (random() < 0.05)
    event['errorDeclaration'] = { declarationTime: event['eventTime'] as string, reason: 'incorrect_data' };
  return event;
}

/** One random SimpleEventQuery as URL parameters (1 to 3 conditions, sometimes an order and a limit). */
export function generateQuery(random: () => number, sizes: CorpusSizes): Record<string, string> {
  const day = (d: number) => new Date(T0 + d * 86_400_000).toISOString();
  const some = (count: number, make: () => string) =>
    [...new Set(Array.from({ length: 1 + Math.floor(random() * count) }, make))].join('|');
  const epcNo = () => Math.floor(random() * sizes.epcs);
  const families: (() => [string, string])[] = [
    () => ['eventType', some(2, () => pick(random, TYPES))],
    () => ['GE_eventTime', day(Math.floor(random() * 30))],
    () => ['LT_eventTime', day(Math.floor(random() * 30))],
    () => ['EQ_action', some(2, () => pick(random, ['ADD', 'OBSERVE', 'DELETE']))],
    () => ['EQ_bizStep', some(2, () => step(Math.floor(random() * sizes.bizSteps)))],
    () => ['EQ_disposition', some(2, () => pick(random, DISPOSITIONS))],
    () => ['EQ_readPoint', some(3, () => location(Math.floor(random() * sizes.locations)))],
    () => ['EQ_bizLocation', some(3, () => location(Math.floor(random() * sizes.locations)))],
    () => ['WD_bizLocation', location(Math.floor(random() * Math.min(8, sizes.locations)))],
    () => ['WD_readPoint', location(Math.floor(random() * Math.min(8, sizes.locations)))],
    () => ['MATCH_epc', some(3, () => (random() < 0.5 ? serial(epcNo()) : serialDl(epcNo())))],
    () => ['MATCH_anyEPC', some(2, () => (random() < 0.8 ? serial(epcNo()) : sscc(Math.floor(random() * 50))))],
    () => ['MATCH_parentID', sscc(Math.floor(random() * 50))],
    () => ['MATCH_inputEPC', serialDl(epcNo())],
    () => ['MATCH_epc', 'urn:epc:idpat:sgtin:0614141.107346.*'],
    () => ['MATCH_epcClass', `urn:epc:class:lgtin:0614141.107346.L${Math.floor(random() * 5)}`],
    () => ['GT_quantity', String(Math.floor(random() * 20))],
    () => ['GE_quantity_KGM', String(Math.floor(random() * 20) / 10)],
    () => [
      `EQ_bizTransaction_${pick(random, ['po', 'desadv', 'inv'])}`,
      `urn:epcglobal:cbv:bt:0614141073467:${Math.floor(random() * 40)}`,
    ],
    () => [
      `EQ_source_${pick(random, ['owning_party', 'possessing_party'])}`,
      `urn:epc:id:pgln:0614141.0000${Math.floor(random() * 7)}`,
    ],
    () => ['EQ_eventID', `urn:uuid:10000000-0000-4000-8000-${String(Math.floor(random() * 200)).padStart(12, '0')}`],
    () => ['EXISTS_errorDeclaration', 'true'],
    () => ['EQ_example:f', some(2, () => `v${Math.floor(random() * 6)}`)],
    () => [pick(random, ['GT_example:n', 'LE_example:n']), String(Math.floor(random() * 50))],
    () => ['GE_example:n', day(Math.floor(random() * 10))],
    () => ['EXISTS_example:n', ''],
    () => ['EQ_type', pick(random, ['Temperature', 'Humidity'])],
    () => [pick(random, ['GE_value_CEL', 'LT_value_CEL']), String(Math.floor(random() * 40))],
    () => ['GE_value_FAH', String(40 + Math.floor(random() * 60))],
    () => ['EQATTR_bizLocation_urn:epcglobal:cbv:mda:site', `site-${Math.floor(random() * 3)}`],
  ];
  const params: Record<string, string> = {};
  const count = 1 + Math.floor(random() * 3);
  for (let k = 0; k < count; k += 1) {
    const [name, value] = pick(random, families)();
    params[name] = value;
  }
  if (random() < 0.5) {
    params['orderBy'] = pick(random, ['eventTime', 'recordTime', 'example:n']);
    if (random() < 0.7) params['orderDirection'] = pick(random, ['ASC', 'DESC']);
    if (random() < 0.3) params['eventCountLimit'] = String(1 + Math.floor(random() * 10));
  }
  return params;
}
