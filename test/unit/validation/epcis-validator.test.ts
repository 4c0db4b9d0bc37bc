import assert from 'node:assert/strict';
import { compiledSchemas } from '../../../src/validation/compiled-schemas';
import { createEpcisValidator } from '../../../src/validation/epcis-validator';
import type { JsonObject, JsonValue } from '../../../src/model/types';
import { CONTEXT, epcisDocument, objectEvent } from './fixtures';

const validator = createEpcisValidator();
const inDocument = (event: unknown, index = 3) =>
  validator.validateEvent(event, { index, pointer: `/epcisBody/eventList/${index}` }, { standalone: false });
const alone = (event: unknown) => validator.validateEvent(event, { index: null, pointer: '' }, { standalone: true });

describe('EpcisValidator.validateEvent', () => {
  it('accepts a valid event and returns RFC 7807 ValidationException bodies for an invalid one', () => {
    assert.deepEqual(inDocument(objectEvent()), []);
    const problems = inDocument(objectEvent({ action: 'MOVE' }));
    assert.deepEqual(problems, [
      {
        type: 'epcisException:ValidationException',
        title: 'The request is not a valid EPCIS document or event',
        status: 400,
        detail: 'event 3: /action must be one of ADD, OBSERVE, DELETE',
        instance: '/epcisBody/eventList/3/action',
      },
    ]);
  });

  it('names the field and the event index in the detail and points into the request body', () => {
    const cases: [JsonObject, string, string][] = [
      [objectEvent({ bizStep: 'urn:epcglobal:cbv:bizstep:shipping' }), '/bizStep', 'CBV business step'],
      [objectEvent({ foo: 1 }), '/foo', 'URI/CURIE extension key'],
      [objectEvent({ eventTimeZoneOffset: '+15:00' }), '/eventTimeZoneOffset', 'time-zone offset'],
      [objectEvent({ readPoint: { id: 'not a uri' } }), '/readPoint/id', 'URI'],
      [
        objectEvent({ quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', unit: 1 }] }),
        '/quantityList/0/unit',
        'not allowed',
      ],
      [objectEvent({ eventTime: '2024-02-30T10:00:00Z' }), '/eventTime', 'date-time'],
    ];
    for (const [event, path, words] of cases) {
      const [problem, ...rest] = inDocument(event, 7);
      assert.equal(rest.length, 0);
      assert.equal(problem?.instance, `/epcisBody/eventList/7${path}`);
      assert.ok(problem?.detail?.startsWith(`event 7: ${path} `), problem?.detail);
      assert.ok(problem?.detail?.includes(words), problem?.detail);
    }
    const missing = inDocument({ ...objectEvent(), eventTime: undefined } as unknown as JsonObject);
    assert.equal(missing.length, 1);
    const noTime = objectEvent();
    delete noTime['eventTime'];
    assert.deepEqual(
      inDocument(noTime).map((p) => [p.detail, p.instance]),
      [['event 3: /eventTime is required', '/epcisBody/eventList/3/eventTime']],
    );
  });

  it('uses the pointer base it is given (query documents)', () => {
    const base = '/epcisBody/queryResults/resultsBody/eventList/1';
    const [problem] = validator.validateEvent(
      objectEvent({ action: 1 }),
      { index: 1, pointer: base },
      { standalone: false },
    );
    assert.equal(problem?.instance, `${base}/action`);
    assert.ok(problem?.detail?.startsWith('event 1: /action'));
  });

  it('requires @context on a standalone event only', () => {
    assert.deepEqual(inDocument(objectEvent()), []);
    const [problem] = alone(objectEvent());
    assert.equal(problem?.instance, '/@context');
    assert.match(problem?.detail ?? '', /^event: \/@context is required/);
    assert.deepEqual(alone(objectEvent({ '@context': CONTEXT })), []);
  });

  it('rejects non-objects, a missing type and unknown bare event types', () => {
    assert.equal(inDocument('ObjectEvent')[0]?.detail, 'event 3: the event must be a JSON object');
    assert.equal(inDocument([objectEvent()])[0]?.instance, '/epcisBody/eventList/3');
    const untyped = objectEvent();
    delete untyped['type'];
    assert.equal(inDocument(untyped)[0]?.instance, '/epcisBody/eventList/3/type');
    assert.equal(inDocument(objectEvent({ type: 7 }))[0]?.detail, 'event 3: /type must be a string');
    assert.equal(inDocument(objectEvent({ type: 'FooEvent' }))[0]?.instance, '/epcisBody/eventList/3/type');
  });

  it('accepts extension event types with common fields and CURIE keys only', () => {
    const custom = { type: 'example:CustomEvent', eventTime: '2024-05-01T10:00:00Z', eventTimeZoneOffset: '+00:00' };
    assert.deepEqual(inDocument({ ...custom, 'example:payload': { 'example:x': 1 } }), []);
    assert.equal(inDocument({ ...custom, action: 'ADD' })[0]?.instance, '/epcisBody/eventList/3/action');
  });

  it('accepts $-prefixed and dotted keys inside CURIE-keyed extension objects (storage encodes them)', () => {
    const ext: JsonValue = { $gt: 1, 'a.b': { $where: 'x', 'c.d': [{ '$in.x': [1] }] } };
    assert.deepEqual(inDocument(objectEvent({ 'example:ext': ext })), []);
    assert.deepEqual(inDocument(objectEvent({ action: 'ADD', ilmd: { 'example:lot': ext } })), []);
    assert.equal(inDocument(objectEvent({ $gt: 1 }))[0]?.instance, '/epcisBody/eventList/3/$gt');
    assert.equal(inDocument(objectEvent({ 'a.b': 1 }))[0]?.instance, '/epcisBody/eventList/3/a.b');
  });

  it('survives a 10,000-deep extension value: one problem, no stack overflow', () => {
    let deep: JsonValue = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { 'example:n': [deep] };
    const problems = inDocument(objectEvent({ 'example:deep': deep }));
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.detail ?? '', /nested too deeply/);
    assert.ok(problems[0]?.instance?.startsWith('/epcisBody/eventList/3/example:deep/example:n/0/'));
    let ok: JsonValue = 'bottom';
    for (let i = 0; i < 30; i++) ok = { 'example:n': [ok] };
    assert.deepEqual(inDocument(objectEvent({ 'example:deep': ok })), []);
  });

  it('accepts a sensor report with an exception and no type, but not one with neither', () => {
    const sensor = (report: JsonObject) =>
      objectEvent({
        sensorElementList: [{ sensorMetadata: { time: '2024-05-01T09:59:00Z' }, sensorReport: [report] }],
      });
    assert.deepEqual(inDocument(sensor({ exception: 'ALARM_CONDITION' })), []);
    assert.deepEqual(inDocument(sensor({ type: 'Temperature', value: 4.5, uom: 'CEL' })), []);
    assert.equal(
      inDocument(sensor({ value: 4.5 }))[0]?.instance,
      '/epcisBody/eventList/3/sensorElementList/0/sensorReport/0',
    );
  });

  it('accepts persistentDisposition on all five event types', () => {
    const pd = { persistentDisposition: { set: ['completeness_verified'] } };
    const events: JsonObject[] = [
      objectEvent(pd),
      {
        type: 'AggregationEvent',
        eventTime: '2024-05-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        parentID: 'urn:epc:id:sscc:0614141.1234567890',
        childEPCs: ['urn:epc:id:sgtin:0614141.107346.1'],
        action: 'ADD',
        ...pd,
      },
      {
        type: 'TransactionEvent',
        eventTime: '2024-05-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:1152' }],
        epcList: [],
        action: 'ADD',
        ...pd,
      },
      {
        type: 'TransformationEvent',
        eventTime: '2024-05-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        inputEPCList: ['urn:epc:id:sgtin:1.2.3'],
        outputEPCList: ['urn:epc:id:sgtin:1.2.4'],
        ...pd,
      },
      {
        type: 'AssociationEvent',
        eventTime: '2024-05-01T10:00:00Z',
        eventTimeZoneOffset: '+00:00',
        parentID: 'urn:epc:id:grai:4012345.55555.987',
        action: 'DELETE',
        ...pd,
      },
    ];
    for (const event of events) assert.deepEqual(inDocument(event), [], String(event['type']));
  });

  it('enforces the hardening limits (URI length, list length)', () => {
    const longUri = `urn:example:${'x'.repeat(2100)}`;
    assert.equal(
      inDocument(objectEvent({ readPoint: { id: longUri } }))[0]?.instance,
      '/epcisBody/eventList/3/readPoint/id',
    );
    const certs = Array.from({ length: 101 }, (_, i) => `https://cert.example.com/${i}`);
    assert.match(inDocument(objectEvent({ certificationInfo: certs }))[0]?.detail ?? '', /at most 100 URIs/);
  });
});

describe('EpcisValidator.validateDocumentEnvelope', () => {
  it('accepts a document without looking into its events', () => {
    assert.deepEqual(validator.validateDocumentEnvelope(epcisDocument([objectEvent()])), []);
    assert.deepEqual(
      validator.validateDocumentEnvelope(epcisDocument([{ foo: 1 } as JsonObject, 'x' as unknown as JsonObject])),
      [],
    );
  });

  it('requires the eventList to be an array and reports pointers from the document root', () => {
    const doc = epcisDocument([]);
    doc['epcisBody'] = { eventList: {} };
    assert.deepEqual(
      validator.validateDocumentEnvelope(doc).map((p) => [p.detail, p.instance]),
      [['document: /epcisBody/eventList must be an array of events', '/epcisBody/eventList']],
    );
    const noDate = epcisDocument([]);
    delete noDate['creationDate'];
    assert.equal(validator.validateDocumentEnvelope(noDate)[0]?.instance, '/creationDate');
    assert.equal(
      validator.validateDocumentEnvelope(epcisDocument([], { schemaVersion: 2 }))[0]?.instance,
      '/schemaVersion',
    );
    assert.equal(
      validator.validateDocumentEnvelope(epcisDocument([], { type: 'Doc' }))[0]?.detail,
      'document: /type must be EPCISDocument or EPCISQueryDocument',
    );
    assert.equal(validator.validateDocumentEnvelope(null)[0]?.detail, 'document: the document must be a JSON object');
  });

  it('validates EPCISQueryDocument envelopes and master data in epcisHeader', () => {
    const query = {
      '@context': CONTEXT,
      type: 'EPCISQueryDocument',
      epcisBody: { queryResults: { queryName: 'SimpleEventQuery', resultsBody: { eventList: [] } } },
    };
    assert.deepEqual(validator.validateDocumentEnvelope(query), []);
    const header = (element: JsonObject) => ({
      epcisMasterData: {
        vocabularyList: [{ type: 'urn:epcglobal:epcis:vtype:ReadPoint', vocabularyElementList: [element] }],
      },
    });
    const good = {
      id: 'urn:epc:id:sgln:0614141.00777.0',
      attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'Dock 7' }],
    };
    assert.deepEqual(validator.validateDocumentEnvelope(epcisDocument([], { epcisHeader: header(good) })), []);
    const bad = {
      id: 'urn:epc:id:sgln:0614141.00777.0',
      attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: false }],
    };
    assert.equal(
      validator.validateDocumentEnvelope(epcisDocument([], { epcisHeader: header(bad) }))[0]?.instance,
      '/epcisHeader/epcisMasterData/vocabularyList/0/vocabularyElementList/0/attributes/0/attribute',
    );
  });

  it('limits the nesting depth of the envelope but not of the events it does not enter', () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    assert.match(
      validator.validateDocumentEnvelope(epcisDocument([], { 'example:deep': deep }))[0]?.detail ?? '',
      /nested too deeply/,
    );
    assert.deepEqual(validator.validateDocumentEnvelope(epcisDocument([objectEvent({ 'example:deep': deep })])), []);
  });

  it('compiles the schema once and shares it between validators', () => {
    assert.equal(compiledSchemas(), compiledSchemas());
    assert.deepEqual(
      createEpcisValidator().validateEvent(objectEvent(), { index: 0, pointer: '' }, { standalone: false }),
      [],
    );
  });
});

describe('EpcisValidator details for list items', () => {
  it('names a bad EPC by its index', () => {
    const [problem] = inDocument(objectEvent({ epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'not an epc'] }), 2);
    assert.equal(problem?.instance, '/epcisBody/eventList/2/epcList/1');
    assert.match(problem?.detail ?? '', /^event 2: \/epcList\/1 must be an EPC URI/);
  });
});
