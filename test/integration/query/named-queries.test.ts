/**
 * Named queries over HTTP (EPCIS 2.0 REST binding, EPCIS-DIGEST §a): POST /queries (201 + Location, 409, 400),
 * GET /queries (paginated), GET / DELETE /queries/{name}, GET /queries/{name}/events (paginated like /events).
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject } from '../../../src/model/types';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { epcisDocument, objectEvent, range } from '../../support/event-factory';

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

const eventIDs = (body: JsonObject): string[] =>
  (
    ((body['epcisBody'] as JsonObject)['queryResults'] as JsonObject)['resultsBody'] as { eventList: JsonObject[] }
  ).eventList.map((e) => String(e['eventID']));

describeEachStore('named queries', (t) => {
  before(async function () {
    this.timeout(60_000);
    const events = range(1, 12).map((i) => objectEvent(i, i % 3 === 0 ? { bizStep: 'receiving' } : {}));
    assert.equal((await captureAndWait(t().app, epcisDocument(events)))['success'], true);
  });

  async function create(body: unknown, headers: Record<string, string> = {}): Promise<request.Response> {
    const { body: text, headers: all } = post(body, headers);
    return request(t().app).post('/queries').set(all).send(text);
  }

  it('POST /queries stores a query: 201 with Location; the name taken again is a 409', async () => {
    const created = await create({ name: 'receipts', query: { EQ_bizStep: ['receiving'] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.headers['location'], '/queries/receipts');
    const again = await create({ name: 'receipts', query: { EQ_bizStep: ['shipping'] } });
    assert.equal(again.status, 409);
    assert.equal(again.body.type, 'epcisException:ResourceAlreadyExistsException');
  });

  it('an invalid query or body is a 400 and stores nothing', async () => {
    const unknown = await create({ name: 'bad', query: { EQ_nonsense: ['x'] } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.type, 'epcisException:QueryParameterException');
    assert.equal((await create({ name: 'bad', query: { eventCountLimit: 3 } })).status, 400);
    assert.equal((await create({ name: '', query: {} })).status, 400);
    assert.equal((await create({ name: 'bad', query: [] })).status, 400);
    assert.equal((await create({ name: 'bad' })).status, 400);
    await request(t().app).get('/queries/bad').expect(404);
  });

  it('GET /queries/{name} gives the definition; GET /queries/{name}/events runs it, paginated', async () => {
    const definition = await request(t().app).get('/queries/receipts').expect(200);
    assert.deepEqual(definition.body, { name: 'receipts', query: { EQ_bizStep: ['receiving'] } });
    const first = await request(t().app).get('/queries/receipts/events?perPage=3').expect(200);
    const link = String(first.headers['link']);
    assert.match(link, /rel="next"/);
    assert.ok(first.headers['gs1-next-page-token-expires']);
    const next = /<([^>]+)>/.exec(link)?.[1];
    assert.ok(next?.startsWith('/queries/receipts/events?'));
    const second = await request(t().app).get(String(next)).expect(200);
    assert.equal(second.headers['link'], undefined);
    const all = [...eventIDs(first.body), ...eventIDs(second.body)];
    assert.deepEqual(all.sort(), [3, 6, 9, 12].map((i) => objectEvent(i)['eventID'] as string).sort());
  });

  it('a named query uses the prefixes of the GS1-Extensions header it was created with', async () => {
    const created = await create(
      { name: 'by-field', query: { 'EQ_my:myField': ['value-5', 'value-7'] } },
      { 'GS1-Extensions': 'my=http://ns.example.com/epcis/' },
    );
    assert.equal(created.status, 201);
    const result = await request(t().app).get('/queries/by-field/events').expect(200);
    assert.deepEqual(eventIDs(result.body).sort(), [objectEvent(5)['eventID'], objectEvent(7)['eventID']].sort());
  });

  it('GET /queries/{name}/events refuses EPCIS parameters; a token of another query is refused', async () => {
    await request(t().app).get('/queries/receipts/events?EQ_bizStep=shipping').expect(400);
    const page = await request(t().app).get('/events?perPage=1').expect(200);
    const token = /nextPageToken=([^&>]+)/.exec(String(page.headers['link']))?.[1];
    assert.ok(token);
    await request(t().app).get(`/queries/receipts/events?nextPageToken=${token}`).expect(400);
  });

  it('GET /queries lists the queries, paginated by name', async () => {
    for (const name of ['q-1', 'q-2', 'q-3']) assert.equal((await create({ name, query: {} })).status, 201);
    const names: string[] = [];
    let url: string | null = '/queries?perPage=2';
    while (url) {
      const response: request.Response = await request(t().app).get(url).expect(200);
      assert.ok(Array.isArray(response.body));
      names.push(...(response.body as { name: string }[]).map((q) => q.name));
      const link = response.headers['link'] as string | undefined;
      url = link ? (/<([^>]+)>/.exec(link)?.[1] ?? null) : null;
    }
    assert.deepEqual(names, ['by-field', 'q-1', 'q-2', 'q-3', 'receipts']);
  });

  it('DELETE /queries/{name}: 204, then 404; its events are gone too', async () => {
    await request(t().app).delete('/queries/q-2').expect(204);
    await request(t().app).delete('/queries/q-2').expect(404);
    await request(t().app).get('/queries/q-2').expect(404);
    await request(t().app).get('/queries/q-2/events').expect(404);
  });

  it('a name with reserved characters round-trips through Location', async () => {
    const created = await create({ name: 'a/b c', query: { EQ_bizStep: ['receiving'] } });
    assert.equal(created.status, 201);
    assert.equal(created.headers['location'], '/queries/a%2Fb%20c');
    const definition = await request(t().app).get(String(created.headers['location'])).expect(200);
    assert.equal(definition.body.name, 'a/b c');
  });
});
