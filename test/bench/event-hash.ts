/**
 * Event-hash throughput on one core (issue 5 acceptance: >= 50,000 events/s). Run: `npm run bench:event-hash` (also run by `npm run bench:capture`).
 * Hashes a few thousand generated events (URN and Digital Link EPCs, CBV words, extensions, sensor data).
 */
import { createHash } from 'node:crypto';
import { eventHash } from '../../src/hash/event-hash';
import type { JsonObject } from '../../src/model/types';

const NS = { example: 'https://ns.example.com/epcis/' };

function makeEvent(i: number): JsonObject {
  const serial = (k: number) => `${i}-${k}`;
  const event: JsonObject = {
    type: i % 3 === 0 ? 'AggregationEvent' : 'ObjectEvent',
    eventTime: `2024-0${1 + (i % 9)}-1${i % 10}T10:${String(i % 60).padStart(2, '0')}:00.${i % 1000}+02:00`,
    eventTimeZoneOffset: '+02:00',
    action: 'OBSERVE',
    bizStep: i % 2 ? 'shipping' : 'urn:epcglobal:cbv:bizstep:receiving',
    disposition: 'in_transit',
    readPoint: { id: 'urn:epc:id:sgln:4012345.00011.987' },
    bizLocation: { id: 'https://example.com/414/4012345000115' },
    bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:0614141073467:${i}` }],
    'example:batch': { 'example:line': String(i % 7), 'example:shift': 'night' },
  };
  const epcs = [0, 1, 2, 3].map((k) =>
    k % 2 ? `urn:epc:id:sgtin:0614141.107346.${serial(k)}` : `https://id.gs1.org/01/10614141073464/21/${serial(k)}`,
  );
  if (event['type'] === 'AggregationEvent') {
    event['parentID'] = 'urn:epc:id:sscc:0614141.1234567890';
    event['childEPCs'] = epcs;
  } else {
    event['epcList'] = epcs;
  }
  if (i % 4 === 0) {
    event['sensorElementList'] = [
      {
        sensorMetadata: { time: '2024-01-01T10:00:00Z' },
        sensorReport: [
          { type: 'Temperature', value: 4.5 + (i % 10), uom: 'CEL' },
          { type: 'RelativeHumidity', value: 60, uom: 'P1' },
        ],
      },
    ];
  }
  return event;
}

const events = Array.from({ length: 5000 }, (_, i) => makeEvent(i));
for (let r = 0; r < 2; r++) for (const e of events) eventHash(e, NS); // warm-up (let the JIT settle)

/**
 * Runs `hashAll` (one pass over the events) `rounds` times per window, in `WINDOWS` windows, and gives the median of
 * the windows' events per CPU-second and per wall second. On a shared machine a window can lose half its speed to
 * a neighbour on the same physical core; the median of several windows is steadier than one long window.
 */
const WINDOWS = 7;
const ROUNDS = 4;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
let sink = 0;

function measure(hashAll: () => void): { cpu: number[]; wall: number[] } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let w = 0; w < WINDOWS; w++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let r = 0; r < ROUNDS; r++) hashAll();
    const used = process.cpuUsage(cpuStart);
    const n = ROUNDS * events.length;
    cpu.push(Math.round(n / ((used.user + used.system) / 1e6)));
    wall.push(Math.round(n / (Number(process.hrtime.bigint() - start) / 1e9)));
  }
  return { cpu, wall };
}

const hashed = measure(() => {
  for (const e of events) sink += eventHash(e, NS).length;
});
// CPU time is the one-core figure on a shared machine; wall time includes waiting for the core.
console.log(
  `event hash: ${WINDOWS} x ${ROUNDS * events.length} events, median ${median(hashed.cpu)} events/s per CPU-second ` +
    `(one core; windows ${Math.min(...hashed.cpu)}-${Math.max(...hashed.cpu)}; wall median ${median(hashed.wall)} events/s)`,
);
// Reference point on the same (possibly shared) machine: JSON.stringify + SHA-256 of the same events.
const reference = measure(() => {
  for (const e of events) sink += createHash('sha256').update(JSON.stringify(e)).digest('hex').length;
});
console.log(`reference point: JSON.stringify + SHA-256 = median ${median(reference.cpu)} events/s`);
if (sink === 0) console.log('');
