/** Measures (once, printed) the validation cost per event; the bounds are loose sanity limits, not benchmarks. */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { createEpcisValidator } from '../../../src/validation/epcis-validator';
import type { JsonObject } from '../../../src/model/types';
import { aggregationEvent, epcisDocument, objectEvent, transformationEvent } from './fixtures';

const validator = createEpcisValidator();

function eventNumber(i: number): JsonObject {
  const epc = (n: number) => `urn:epc:id:sgtin:4012345.011122.${n}`;
  switch (i % 4) {
    case 0:
      return objectEvent({
        epcList: [epc(3 * i), epc(3 * i + 1), epc(3 * i + 2)],
        'example:myField': { 'example:n': i },
      });
    case 1:
      return aggregationEvent({
        childEPCs: [epc(i)],
        bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:4012345000009:${i}` }],
      });
    case 2:
      return transformationEvent({
        inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.011111.4444', quantity: i, uom: 'KGM' }],
        ilmd: { 'cbvmda:lotNumber': `LOT-${i}` },
      });
    default:
      return objectEvent({
        sensorElementList: [
          {
            sensorMetadata: { time: '2024-05-01T09:59:00Z', deviceID: 'urn:epc:id:giai:4000001.111' },
            sensorReport: [{ type: 'Temperature', value: 4 + (i % 5), uom: 'CEL' }],
          },
        ],
      });
  }
}

function validateAll(doc: JsonObject, events: JsonObject[]): number {
  let problems = validator.validateDocumentEnvelope(doc).length;
  events.forEach((event, i) => {
    problems += validator.validateEvent(
      event,
      { index: i, pointer: `/epcisBody/eventList/${i}` },
      { standalone: false },
    ).length;
  });
  return problems;
}

describe('validation cost', () => {
  it('validates a 1,000-event document (envelope + every event + rules) and prints µs/event', () => {
    const events = Array.from({ length: 1000 }, (_, i) => eventNumber(i));
    const doc = epcisDocument(events);
    assert.equal(validateAll(doc, events), 0);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      validateAll(doc, events);
      best = Math.min(best, performance.now() - start);
    }
    const perEvent = (best * 1000) / events.length;
    console.log(`      validation cost: ${perEvent.toFixed(1)} µs/event (best of 3 runs over 1,000 mixed events)`);
    assert.ok(perEvent < 2000, `${perEvent} µs/event`);
  });

  it('validates a 100,000-EPC epcList in linear time (uniqueItems on strings is hashed)', () => {
    const epcList = Array.from({ length: 100_000 }, (_, i) => `urn:epc:id:sgtin:4012345.011122.${i}`);
    const start = performance.now();
    assert.deepEqual(
      validator.validateEvent(objectEvent({ epcList }), { index: 0, pointer: '' }, { standalone: false }),
      [],
    );
    const ms = performance.now() - start;
    console.log(`      100,000-EPC event: ${ms.toFixed(0)} ms`);
    assert.ok(ms < 5000, `${ms} ms`);
    const tooMany = [...epcList, 'urn:epc:id:sgtin:4012345.011122.x'];
    assert.match(
      validator.validateEvent(objectEvent({ epcList: tooMany }), { index: 0, pointer: '' }, { standalone: false })[0]
        ?.detail ?? '',
      /more than 100000 items/,
    );
  });
});
