import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { allEvents, captureAndWait, describeEachStore } from '../../support/app-harness';
import { EPCIS_CONTEXT, epcisDocument, objectEvent, range } from '../../support/event-factory';

const invalidEvent = (i: number) => objectEvent(i, { action: 'SHIP' });

describeEachStore('capture semantics', (t) => {
  it('rollback (default): one invalid event stores nothing and the job says why', async () => {
    const before = (await allEvents(t().app)).length;
    const events = [objectEvent(1), objectEvent(2), invalidEvent(3), objectEvent(4)];
    const job = await captureAndWait(t().app, epcisDocument(events));
    assert.equal(job['success'], false);
    assert.equal(job['running'], false);
    assert.equal(job['captureErrorBehaviour'], 'rollback');
    const errors = job['errors'] as JsonObject[];
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!['instance'], '/epcisBody/eventList/2/action');
    assert.match(String(errors[0]!['detail']), /action/);
    assert.equal((await allEvents(t().app)).length, before);
  });

  it('proceed: the valid events are stored and each invalid one is listed', async () => {
    const events = [objectEvent(11), invalidEvent(12), objectEvent(13), invalidEvent(14)];
    const job = await captureAndWait(t().app, epcisDocument(events), { 'GS1-Capture-Error-Behaviour': 'proceed' });
    assert.equal(job['success'], false);
    assert.equal(job['captureErrorBehaviour'], 'proceed');
    assert.deepEqual(
      (job['errors'] as JsonObject[]).map((e) => e['instance']),
      ['/epcisBody/eventList/1/action', '/epcisBody/eventList/3/action'],
    );
    assert.equal(job['storedEventCount'], 2);
    const ids = (await allEvents(t().app)).map((e) => e['eventID']);
    assert.ok(ids.includes(objectEvent(11)['eventID']) && ids.includes(objectEvent(13)['eventID']));
    assert.ok(!ids.includes(objectEvent(12)['eventID']));
  });

  it('re-capturing identical events stores nothing new and the job says so', async () => {
    const document = epcisDocument(range(20, 5).map((i) => objectEvent(i)));
    const first = await captureAndWait(t().app, document);
    assert.equal(first['success'], true);
    assert.equal(first['storedEventCount'], 5);
    const count = (await allEvents(t().app)).length;
    const second = await captureAndWait(t().app, document);
    assert.equal(second['success'], true);
    assert.equal(second['storedEventCount'], 0);
    assert.equal(second['alreadyStoredEventCount'], 5);
    assert.equal((await allEvents(t().app)).length, count);
  });

  it('a different event under an existing eventID is rejected', async () => {
    await captureAndWait(t().app, epcisDocument([objectEvent(30)]));
    const job = await captureAndWait(t().app, epcisDocument([objectEvent(30, { bizStep: 'receiving' })]));
    assert.equal(job['success'], false);
    const [error] = job['errors'] as JsonObject[];
    assert.equal(error!['type'], 'epcisException:ResourceAlreadyExistsException');
    const stored = (await allEvents(t().app)).filter((e) => e['eventID'] === objectEvent(30)['eventID']);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!['bizStep'], 'shipping');
  });

  it('proceed: a conflict is reported at its place in the document, after the invalid events before it', async () => {
    await captureAndWait(t().app, epcisDocument([objectEvent(33)]));
    const events = [objectEvent(34), invalidEvent(35), objectEvent(33, { bizStep: 'receiving' }), objectEvent(36)];
    const job = await captureAndWait(t().app, epcisDocument(events), { 'GS1-Capture-Error-Behaviour': 'proceed' });
    assert.equal(job['success'], false);
    const errors = job['errors'] as JsonObject[];
    assert.deepEqual(
      errors.map((e) => [e['type'], e['instance']]),
      [
        ['epcisException:ValidationException', '/epcisBody/eventList/1/action'],
        ['epcisException:ResourceAlreadyExistsException', '/epcisBody/eventList/2'],
      ],
    );
    assert.match(String(errors[1]!['detail']), /^\/epcisBody\/eventList\/2: a different event/);
    assert.equal(job['storedEventCount'], 2);
  });

  it('an error declaration is stored beside its original and both come back from GET /events/{eventID}', async () => {
    const original = objectEvent(40);
    const declaration = {
      ...original,
      errorDeclaration: { declarationTime: '2024-02-01T00:00:00Z', reason: 'incorrect_data' },
    };
    assert.equal((await captureAndWait(t().app, epcisDocument([original])))['success'], true);
    assert.equal((await captureAndWait(t().app, epcisDocument([declaration])))['success'], true);
    const response = await request(t().app)
      .get(`/events/${encodeURIComponent(String(original['eventID']))}`)
      .expect(200);
    const events = response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[];
    assert.equal(events.length, 2);
    assert.equal(events.filter((e) => e['errorDeclaration'] !== undefined).length, 1);
  });

  it('recordTime is set by the server at capture; a client value is ignored', async () => {
    const start = Date.now();
    await captureAndWait(t().app, epcisDocument([objectEvent(50, { recordTime: '2000-01-01T00:00:00Z' })]));
    const event = (await allEvents(t().app)).find((e) => e['eventID'] === objectEvent(50)['eventID'])!;
    const recordTime = Date.parse(String(event['recordTime']));
    assert.ok(recordTime >= start - 5 && recordTime <= Date.now() + 5, String(event['recordTime']));
  });

  it('an event without eventID gets a server-assigned one and is found by it', async () => {
    const { eventID: _id, ...event } = objectEvent(60);
    await captureAndWait(t().app, epcisDocument([event]));
    const stored = (await allEvents(t().app)).find((e) => e['example:myField'] === 'value-60')!;
    assert.equal(typeof stored['eventID'], 'string');
    await request(t().app)
      .get(`/events/${encodeURIComponent(String(stored['eventID']))}`)
      .expect(200);
  });

  it('master data from epcisHeader is stored', async () => {
    const document = {
      ...epcisDocument([objectEvent(70)]),
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
              vocabularyElementList: [
                {
                  id: 'urn:epc:id:sgln:0614141.07346.0',
                  attributes: [{ id: 'urn:epcglobal:cbv:mda:name', attribute: 'Warehouse 1' }],
                  children: ['urn:epc:id:sgln:0614141.07346.1234'],
                },
              ],
            },
          ],
        },
      },
    };
    assert.equal((await captureAndWait(t().app, document))['success'], true);
    const [element] = await t().store.findVocabulary({ id: 'urn:epc:id:sgln:0614141.07346.0' });
    assert.ok(element);
    assert.deepEqual(element.children, ['urn:epc:id:sgln:0614141.07346.1234']);
    assert.equal(element.attributes[0]?.attribute, 'Warehouse 1');
  });

  it('GET /capture lists jobs with pagination', async () => {
    const first = await request(t().app).get('/capture?perPage=2').expect(200);
    assert.equal(first.body.length, 2);
    const link = String(first.headers['link']);
    assert.match(link, /rel="next"/);
    assert.ok(first.headers['gs1-next-page-token-expires']);
    const next = /<([^>]+)>/.exec(link)![1]!;
    const second = await request(t().app).get(next).expect(200);
    assert.ok(second.body.length >= 1);
    assert.notEqual(second.body[0].captureID, first.body[0].captureID);
  });

  it('GET /events paginates with perPage, Link and a signed nextPageToken', async () => {
    const all = await allEvents(t().app);
    const paged = await allEvents(t().app, 3);
    assert.deepEqual(
      paged.map((e) => e['eventID']),
      all.map((e) => e['eventID']),
    );
    const page = await request(t().app).get('/events?perPage=2').expect(200);
    const token = new URL(`http://x${/<([^>]+)>/.exec(String(page.headers['link']))![1]!}`).searchParams.get(
      'nextPageToken',
    )!;
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    const bad = await request(t().app)
      .get(`/events?perPage=2&nextPageToken=${encodeURIComponent(tampered)}`)
      .expect(400);
    assert.equal(bad.body.type, 'epcisException:QueryParameterException');
  });

  it('POST /events: 201 with Location, 409 on an existing eventID, 400 when invalid', async () => {
    const event: JsonObject = {
      '@context': [EPCIS_CONTEXT, { example: 'http://ns.example.com/epcis/' }],
      ...objectEvent(80),
    };
    const created = await request(t().app)
      .post('/events')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(event))
      .expect(201);
    assert.equal(created.headers['location'], `/events/${encodeURIComponent(String(event['eventID']))}`);
    assert.equal(created.body.eventID, event['eventID']);
    assert.ok(created.body.recordTime);
    const again = await request(t().app)
      .post('/events')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...event, bizStep: 'receiving' }))
      .expect(409);
    assert.equal(again.body.type, 'epcisException:ResourceAlreadyExistsException');
    const invalid = await request(t().app)
      .post('/events')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...event, eventID: 'urn:uuid:6e1ba4a5-0000-4000-8000-000000000001', action: 'NOPE' }))
      .expect(400);
    assert.equal(invalid.body.type, 'epcisException:ValidationException');
  });
});
