/**
 * Pagination and result controls of GET /events (EPCIS-DIGEST §a pagination, §b.1 orderBy / eventCountLimit /
 * maxEventCount): keyset pages on every sort key including an extension field that some events lack or hold
 * with different types, totals capped across pages, 413 QueryTooLargeException, and token scope / tampering.
 */
import assert from 'node:assert/strict';
import request from 'supertest';
import type { JsonObject, JsonValue } from '../../../src/model/types';
import { captureAndWait, describeEachStore } from '../../support/app-harness';
import { epcisDocument, objectEvent, range } from '../../support/event-factory';

/** example:rank: numbers, numeric strings, plain strings, date-times, or absent; several events share a value. */
function rank(i: number): JsonValue | undefined {
  switch (i % 6) {
    case 0:
      return undefined;
    case 1:
      return i % 4;
    case 2:
      return `label-${i % 3}`;
    case 3:
      return `2024-02-0${(i % 5) + 1}T00:00:00Z`;
    case 4:
      return String((i % 4) + 0.5);
    default:
      return i % 2 === 0 ? 'label-1' : 7;
  }
}

const EVENT_COUNT = 60;

describeEachStore('pagination and result controls', (t) => {
  before(async function () {
    this.timeout(60_000);
    const events = range(0, EVENT_COUNT).map((i) => {
      const value = rank(i);
      const event = objectEvent(i, {
        eventTime: new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 4) * 60_000).toISOString(),
      });
      delete event['example:myField'];
      if (value !== undefined) event['example:rank'] = value;
      return event;
    });
    for (let start = 0; start < EVENT_COUNT; start += 20)
      assert.equal((await captureAndWait(t().app, epcisDocument(events.slice(start, start + 20))))['success'], true);
  });

  /** eventIDs over every page, following Link rel="next"; also checks the headers of each page. */
  async function walk(url: string): Promise<string[]> {
    const ids: string[] = [];
    let next: string | null = url;
    while (next) {
      const response: request.Response = await request(t().app)
        .get(next)
        .set('GS1-Extensions', 'example=http://ns.example.com/epcis/');
      assert.equal(response.status, 200, JSON.stringify(response.body));
      ids.push(
        ...(response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[]).map((e) =>
          String(e['eventID']),
        ),
      );
      const link = response.headers['link'] as string | undefined;
      if (link) assert.ok(response.headers['gs1-next-page-token-expires']);
      next = link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null;
    }
    return ids;
  }

  const orders = [
    'orderBy=eventTime&orderDirection=ASC',
    'orderBy=eventTime',
    'orderBy=recordTime&orderDirection=DESC',
    'orderBy=example:rank&orderDirection=ASC',
    'orderBy=example:rank&orderDirection=DESC',
    'orderBy=http%3A%2F%2Fns.example.com%2Fepcis%2Frank',
    '',
  ];
  for (const order of orders) {
    it(`pages of 7 give the single-page result exactly (${order || 'no orderBy'})`, async () => {
      const ext = 'GS1-Extensions';
      const prefix = order.includes('example:') ? `&${order}` : order ? `&${order}` : '';
      const headers = { [ext]: 'example=http://ns.example.com/epcis/' };
      const whole = await request(t().app).get(`/events?perPage=1000${prefix}`).set(headers).expect(200);
      const expected = (whole.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[]).map((e) =>
        String(e['eventID']),
      );
      assert.equal(expected.length, EVENT_COUNT);
      const paged: string[] = [];
      let next: string | null = `/events?perPage=7${prefix}`;
      while (next) {
        const response: request.Response = await request(t().app).get(next).set(headers).expect(200);
        paged.push(
          ...(response.body.epcisBody.queryResults.resultsBody.eventList as JsonObject[]).map((e) =>
            String(e['eventID']),
          ),
        );
        const link = response.headers['link'] as string | undefined;
        next = link ? (/<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null) : null;
      }
      assert.deepEqual(paged, expected);
    });
  }

  it('orderBy an extension field: missing first ascending, then numbers, strings, Dates (MongoDB order)', async () => {
    const ids = await walk('/events?perPage=1000&orderBy=example%3Arank&orderDirection=ASC');
    const order = ids.map((id) => Number(id.slice(-12)));
    const kind = (i: number) => {
      const value = rank(i);
      if (value === undefined) return 0;
      if (typeof value === 'number' || /^\d+(\.\d+)?$/.test(String(value))) return 1;
      return /^\d{4}-/.test(String(value)) ? 3 : 2;
    };
    const kinds = order.map(kind);
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => a - b),
      kinds.join(),
    );
  });

  it('eventCountLimit caps the total across pages', async () => {
    const ids = await walk('/events?perPage=4&orderBy=eventTime&orderDirection=DESC&eventCountLimit=10');
    assert.equal(ids.length, 10);
    const latest = await walk('/events?orderBy=eventTime&eventCountLimit=1');
    assert.deepEqual(latest, [ids[0]]);
    assert.equal((await walk('/events?perPage=5&orderBy=eventTime&eventCountLimit=5')).length, 5);
  });

  it('eventCountLimit without orderBy, or with maxEventCount, is a 400', async () => {
    await request(t().app).get('/events?eventCountLimit=3').expect(400);
    await request(t().app).get('/events?orderBy=eventTime&eventCountLimit=3&maxEventCount=5').expect(400);
  });

  it('more events than maxEventCount is a 413 QueryTooLargeException; as many is fine', async () => {
    const response = await request(t().app)
      .get(`/events?maxEventCount=${EVENT_COUNT - 1}`)
      .expect(413);
    assert.equal(response.body.type, 'epcisException:QueryTooLargeException');
    assert.equal((await walk(`/events?maxEventCount=${EVENT_COUNT}&perPage=25`)).length, EVENT_COUNT);
  });

  it('a token is refused on another query, when tampered with, or malformed', async () => {
    const first = await request(t().app).get('/events?perPage=2&EQ_action=OBSERVE').expect(200);
    const token = /nextPageToken=([^&>]+)/.exec(String(first.headers['link']))?.[1];
    assert.ok(token);
    await request(t().app).get(`/events?perPage=2&EQ_action=OBSERVE&nextPageToken=${token}`).expect(200);
    const other = await request(t().app).get(`/events?perPage=2&EQ_action=ADD&nextPageToken=${token}`).expect(400);
    assert.equal(other.body.type, 'epcisException:QueryParameterException');
    await request(t().app).get(`/events?perPage=2&nextPageToken=${token}`).expect(400);
    const tampered = `${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    await request(t().app).get(`/events?perPage=2&EQ_action=OBSERVE&nextPageToken=${tampered}`).expect(400);
    await request(t().app).get('/events?nextPageToken=garbage').expect(400);
  });

  it('perPage is capped by the server and must be a positive integer', async () => {
    const response = await request(t().app).get('/events?perPage=5000').expect(200);
    assert.equal(response.body.epcisBody.queryResults.resultsBody.eventList.length, EVENT_COUNT);
    await request(t().app).get('/events?perPage=0').expect(400);
    await request(t().app).get('/events?perPage=x').expect(400);
  });
});
