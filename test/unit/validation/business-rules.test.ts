import assert from 'node:assert/strict';
import { createEpcisValidator } from '../../../src/validation/epcis-validator';
import type { JsonObject } from '../../../src/model/types';
import { aggregationEvent, epcisDocument, objectEvent, transformationEvent } from './fixtures';

const validator = createEpcisValidator();
const check = (event: JsonObject) =>
  validator.validateEvent(event, { index: 0, pointer: '/epcisBody/eventList/0' }, { standalone: false });
const pointers = (event: JsonObject) => check(event).map((p) => p.instance);

describe('EPCIS business rules (src/validation/business-rules.ts)', () => {
  it('§7.4.2 ilmd only when an ObjectEvent adds objects; TransformationEvent may carry ilmd', () => {
    const ilmd = { 'cbvmda:lotNumber': 'LOT-1' };
    assert.deepEqual(pointers(objectEvent({ action: 'OBSERVE', ilmd })), ['/epcisBody/eventList/0/ilmd']);
    assert.deepEqual(pointers(objectEvent({ action: 'DELETE', ilmd })), ['/epcisBody/eventList/0/ilmd']);
    assert.deepEqual(pointers(objectEvent({ action: 'ADD', ilmd })), []);
    assert.deepEqual(pointers(transformationEvent({ ilmd })), []);
    assert.equal(
      check(objectEvent({ action: 'OBSERVE', ilmd }))[0]?.detail,
      'event 0: /ilmd is only allowed when action is ADD',
    );
  });

  it('§7.4.3 AggregationEvent parentID required when action is ADD or DELETE, optional for OBSERVE', () => {
    const orphan = (action: string) => {
      const event = aggregationEvent({ action });
      delete event['parentID'];
      return event;
    };
    assert.deepEqual(pointers(orphan('ADD')), ['/epcisBody/eventList/0/parentID']);
    assert.deepEqual(pointers(orphan('DELETE')), ['/epcisBody/eventList/0/parentID']);
    assert.deepEqual(pointers(orphan('OBSERVE')), []);
    assert.deepEqual(pointers(aggregationEvent({ action: 'DELETE' })), []);
  });

  it('§7.4.6 TransformationEvent needs inputs and outputs, or a transformationID and one list', () => {
    const inputsOnly = transformationEvent();
    delete inputsOnly['outputEPCList'];
    assert.deepEqual(pointers(inputsOnly), ['/epcisBody/eventList/0']);
    assert.match(check(inputsOnly)[0]?.detail ?? '', /^event 0: the event must have a non-empty input list/);
    assert.deepEqual(pointers({ ...inputsOnly, transformationID: 'urn:epc:id:gdti:0614141.12345.400' }), []);
    assert.deepEqual(pointers(transformationEvent({ inputEPCList: [] })), ['/epcisBody/eventList/0']);
    const quantities = transformationEvent({
      inputEPCList: [],
      inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.011111.4444', quantity: 10, uom: 'KGM' }],
    });
    assert.deepEqual(pointers(quantities), []);
    const noLists = transformationEvent({ transformationID: 'urn:epc:id:gdti:0614141.12345.400' });
    delete noLists['inputEPCList'];
    delete noLists['outputEPCList'];
    assert.deepEqual(pointers(noLists), ['/epcisBody/eventList/0']);
  });

  it('§7.3.3.3 uom only together with quantity', () => {
    const q = (element: JsonObject) =>
      objectEvent({ quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:4012345.098765.*', ...element }] });
    assert.deepEqual(pointers(q({ uom: 'KGM' })), ['/epcisBody/eventList/0/quantityList/0/uom']);
    assert.deepEqual(pointers(q({ quantity: 2.5, uom: 'KGM' })), []);
    assert.deepEqual(pointers(q({ quantity: 2 })), []);
    const child = aggregationEvent({ childQuantityList: [{ epcClass: 'urn:epc:class:lgtin:1.2.3', uom: 'KGM' }] });
    assert.deepEqual(pointers(child), ['/epcisBody/eventList/0/childQuantityList/0/uom']);
  });

  it('§7.3.1 timestamps must be real instants (eventTime, recordTime, declarationTime, sensor times, creationDate)', () => {
    const leap = '2016-12-31T23:59:60Z';
    assert.deepEqual(pointers(objectEvent({ eventTime: leap })), ['/epcisBody/eventList/0/eventTime']);
    assert.deepEqual(pointers(objectEvent({ recordTime: leap })), ['/epcisBody/eventList/0/recordTime']);
    assert.deepEqual(pointers(objectEvent({ errorDeclaration: { declarationTime: leap } })), [
      '/epcisBody/eventList/0/errorDeclaration/declarationTime',
    ]);
    const sensor = objectEvent({
      sensorElementList: [{ sensorMetadata: { startTime: leap }, sensorReport: [{ type: 'Temperature', time: leap }] }],
    });
    assert.deepEqual(pointers(sensor), [
      '/epcisBody/eventList/0/sensorElementList/0/sensorMetadata/startTime',
      '/epcisBody/eventList/0/sensorElementList/0/sensorReport/0/time',
    ]);
    assert.deepEqual(
      pointers(objectEvent({ eventTime: '2016-12-31T23:59:59.999999Z', recordTime: '2017-01-01T00:00:00Z' })),
      [],
    );
    assert.equal(
      validator.validateDocumentEnvelope(epcisDocument([], { creationDate: leap }))[0]?.instance,
      '/creationDate',
    );
    assert.deepEqual(validator.validateDocumentEnvelope(epcisDocument([])), []);
  });
});

describe('identifier rule (capture-time GS1 key checks)', () => {
  const validator = createEpcisValidator();
  const base = {
    type: 'ObjectEvent',
    eventTime: '2024-01-01T00:00:00Z',
    eventTimeZoneOffset: '+00:00',
    action: 'OBSERVE',
  };
  const problems = (event: Record<string, unknown>) =>
    validator.validateEvent(event, { index: 0, pointer: '/epcisBody/eventList/0' }, { standalone: false });

  it('refuses a Digital Link with a wrong check digit, naming the field', () => {
    const [problem, more] = problems({ ...base, epcList: ['https://id.gs1.org/01/10614141073465/21/2017'] });
    assert.ok(problem);
    assert.equal(more, undefined);
    assert.equal(problem.instance, '/epcisBody/eventList/0/epcList/0');
    assert.match(String(problem.detail), /Digital Link/);
  });

  it('accepts valid Digital Links, EPC URNs, private and custom URNs', () => {
    assert.deepEqual(
      problems({
        ...base,
        epcList: [
          'https://id.gs1.org/01/10614141073464/21/2017',
          'urn:epc:id:sgtin:0614141.107346.2017',
          'urn:example:my:thing:1',
        ],
        readPoint: { id: 'https://example.org/rp/1' },
      }),
      [],
    );
  });
});
