/** Events without eventID get their CBV 2.0 hash ID; the same event in another representation is recognised. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { eventHash } from '../../../src/hash/event-hash';
import type { JsonObject } from '../../../src/model/types';
import { allEvents, captureAndWait, describeEachStore } from '../../support/app-harness';
import { EXAMPLE_NS, epcisDocument, objectEvent } from '../../support/event-factory';

function withoutId(event: JsonObject): JsonObject {
  const { eventID: _id, ...rest } = event;
  return rest;
}

describeEachStore('event hash IDs', (t) => {
  const event = withoutId(objectEvent(1));
  const expected = eventHash(event, { example: EXAMPLE_NS });

  it('assigns the CBV 2.0 hash as eventID and finds the event by it', async () => {
    assert.match(expected, /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    assert.equal((await captureAndWait(t().app, epcisDocument([event])))['success'], true);
    const response = await request(t().app)
      .get(`/events/${encodeURIComponent(expected)}`)
      .expect(200);
    assert.equal(response.body.epcisBody.queryResults.resultsBody.eventList[0].eventID, expected);
  });

  it('stores nothing new for the same event in another representation', async () => {
    const other: JsonObject = {
      ...event,
      // Same instant in another time zone, Digital Link EPCs in another order, a CBV URN for the bizStep.
      eventTime: '2024-01-01T02:00:01+02:00',
      epcList: ['https://id.gs1.org/01/10614141073464/21/1000001', 'https://id.gs1.org/01/10614141073464/21/1'],
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
    };
    assert.equal(eventHash(other, { example: EXAMPLE_NS }), expected);
    const job = await captureAndWait(t().app, epcisDocument([other]));
    assert.equal(job['success'], true, JSON.stringify(job['errors']));
    assert.equal(job['storedEventCount'], 0);
    assert.equal(job['alreadyStoredEventCount'], 1);
    assert.equal((await allEvents(t().app)).length, 1);
  });
});
