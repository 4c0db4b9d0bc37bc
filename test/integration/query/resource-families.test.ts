/**
 * The resource families (EPCIS-DIGEST §a "Endpoint table"): collections of the values present in committed
 * events, `/{family}/{id}` sub-resources, and `/{family}/{id}/events` with the implied parameter.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { aggregationEvent, epcisDocument, objectEvent } from '../../support/event-factory';

const eventIDs = (body: JsonObject): string[] =>
  (
    ((body['epcisBody'] as JsonObject)['queryResults'] as JsonObject)['resultsBody'] as { eventList: JsonObject[] }
  ).eventList
    .map((e) => String(e['eventID']))
    .sort();

/** Every member of a paginated collection, following Link rel="next". */
async function walk(t: () => { app: Parameters<typeof request>[0] }, first: string, headers = {}): Promise<string[]> {
  const members: string[] = [];
  let url: string | null = first;
  while (url) {
    const response: request.Response = await request(t().app).get(url).set(headers).expect(200);
    assert.equal(response.body.type, 'Collection');
    assert.ok(response.body['@context']);
    members.push(...(response.body.member as string[]));
    const link = response.headers['link'] as string | undefined;
    url = link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null;
  }
  return members;
}

describeEachStore(
  'resource families',
  (t) => {
    before(async function () {
      this.timeout(60_000);
      const events = [
        objectEvent(1),
        objectEvent(2, { bizStep: 'receiving', disposition: 'in_progress' }),
        objectEvent(3, { bizStep: 'example:customStep', readPoint: { id: 'urn:epc:id:sgln:0614141.07346.99' } }),
        aggregationEvent(4),
      ];
      assert.equal((await captureAndWait(t().app, epcisDocument(events)))['success'], true);
    });

    it('GET /eventTypes, /bizSteps and /dispositions list the values present, paginated', async () => {
      assert.deepEqual(await walk(t, '/eventTypes?perPage=1'), ['AggregationEvent', 'ObjectEvent']);
      assert.deepEqual(await walk(t, '/bizSteps?perPage=2'), [
        'http://ns.example.com/epcis/customStep',
        'packing',
        'receiving',
        'shipping',
      ]);
      assert.deepEqual(await walk(t, '/dispositions'), ['in_progress', 'in_transit']);
    });

    it('a collection token is refused on another collection', async () => {
      const first = await request(t().app).get('/eventTypes?perPage=1').expect(200);
      const token = /nextPageToken=([^&>]+)/.exec(String(first.headers['link']))?.[1];
      assert.ok(token);
      await request(t().app).get(`/bizSteps?nextPageToken=${token}`).expect(400);
    });

    it('GET /epcs lists every EPC (lists and parentID) as Digital Links by default, EPC URNs on request', async () => {
      const all = await walk(t, '/epcs?perPage=3');
      assert.equal(all.length, 9); // 8 serials (2 per event) + 1 SSCC; objectEvent(4)'s serials repeat none
      assert.ok(all.includes('https://id.gs1.org/01/10614141073464/21/1'));
      assert.ok(all.includes('https://id.gs1.org/00/006141410000000043'), all.join());
      assert.deepEqual([...all].sort(), all, 'code point order');
      const urns = await walk(t, '/epcs?perPage=50', { 'GS1-EPC-Format': 'Always_EPC_URN' });
      assert.ok(urns.includes('urn:epc:id:sgtin:0614141.107346.1'), urns.join());
      assert.ok(urns.includes('urn:epc:id:sscc:0614141.0000000004'), urns.join());
    });

    it('GET /readPoints and /bizLocations list the locations', async () => {
      const readPoints = await walk(t, '/readPoints', { 'GS1-EPC-Format': 'Always_EPC_URN' });
      assert.deepEqual(readPoints.sort(), ['urn:epc:id:sgln:0614141.07346.1234', 'urn:epc:id:sgln:0614141.07346.99']);
      assert.deepEqual(await walk(t, '/bizLocations', { 'GS1-EPC-Format': 'Always_EPC_URN' }), [
        'urn:epc:id:sgln:0614141.07346.0',
      ]);
    });

    it('GET /{family}/{id} lists its sub-resources, 404 when the value is unknown', async () => {
      const response = await request(t().app).get('/bizSteps/shipping').expect(200);
      assert.deepEqual(response.body.member, ['events']);
      await request(t().app).get('/eventTypes/ObjectEvent').expect(200);
      await request(t().app)
        .get(`/epcs/${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.2')}`)
        .expect(200);
      await request(t().app).get('/epcs/https:%2f%2fid.gs1.org%2f01%2f10614141073464%2f21%2f2').expect(200);
      const missing = await request(t().app).get('/bizSteps/destroying').expect(404);
      assert.equal(missing.body.type, 'epcisException:NoSuchResourceException');
      await request(t().app).get('/dispositions/sold').expect(404);
      await request(t().app)
        .get(`/readPoints/${encodeURIComponent('urn:epc:id:sgln:0614141.07346.5')}`)
        .expect(404);
    });

    it('GET /{family}/{id}/events adds the implied parameter', async () => {
      const id = (n: number, kind = '8') => `urn:uuid:00000000-0000-4000-${kind}000-${String(n).padStart(12, '0')}`;
      const get = async (url: string) => eventIDs((await request(t().app).get(url).expect(200)).body);
      assert.deepEqual(await get('/bizSteps/receiving/events'), [id(2)]);
      assert.deepEqual(await get('/eventTypes/AggregationEvent/events'), [id(4, '9')]);
      const serial4 = encodeURIComponent('urn:epc:id:sgtin:0614141.107346.4');
      assert.deepEqual(await get(`/epcs/${serial4}/events`), [id(4, '9')]);
      assert.deepEqual(await get(`/epcs/${serial4}/events?eventType=ObjectEvent`), []);
      assert.deepEqual(await get(`/epcs/${encodeURIComponent('urn:epc:id:sscc:0614141.0000000004')}/events`), [
        id(4, '9'),
      ]);
      assert.deepEqual(await get(`/readPoints/${encodeURIComponent('urn:epc:id:sgln:0614141.07346.99')}/events`), [
        id(3),
      ]);
      assert.deepEqual(await get('/dispositions/in_progress/events?eventType=ObjectEvent'), [id(2)]);
      assert.deepEqual(await get(`/bizLocations/${encodeURIComponent('urn:epc:id:sgln:0614141.07346.0')}/events`), [
        id(1),
        id(2),
        id(3),
      ]);
    });

    it('the events of a resource come as XML when asked (rendered by sendEventsDocument)', async () => {
      const response = await request(t().app).get('/bizSteps/receiving/events').set('Accept', 'application/xml');
      assert.equal(response.status, 200);
      assert.match(response.headers['content-type'] ?? '', /xml/);
      assert.match(response.text, /EPCISQueryDocument/);
      assert.match(response.text, /00000000-0000-4000-8000-000000000002/);
    });

    it('giving the implied parameter as well is a 400', async () => {
      const response = await request(t().app).get('/bizSteps/shipping/events?EQ_bizStep=receiving').expect(400);
      assert.equal(response.body.type, 'epcisException:QueryParameterException');
      await request(t().app).get('/eventTypes/ObjectEvent/events?eventType=ObjectEvent').expect(400);
      await request(t().app).get('/epcs/urn%3Ax/events?MATCH_anyEPC=urn%3Ay').expect(400);
    });

    it('a collection refuses query parameters other than paging', async () => {
      await request(t().app).get('/bizSteps?EQ_bizStep=shipping').expect(400);
    });
  },
  { companyPrefixes: ['0614141'] },
);
