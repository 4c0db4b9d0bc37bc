/** Acceptance: 10 clients capturing overlapping documents at once: each distinct event is stored exactly once. */
import assert from 'node:assert/strict';
import request from 'supertest';
import { allEvents, describeEachStore, waitForJob } from '../../support/app-harness';
import { epcisDocument, objectEvent, range } from '../../support/event-factory';

describeEachStore('concurrent overlapping captures', (t) => {
  it('store each distinct event exactly once', async function () {
    this.timeout(120_000);
    const documents = range(0, 10).map((k) => epcisDocument(range(k * 10, 40).map((i) => objectEvent(i))));
    const responses = await Promise.all(
      documents.map((document) =>
        request(t().app).post('/capture').set('Content-Type', 'application/ld+json').send(JSON.stringify(document)),
      ),
    );
    const jobs = await Promise.all(
      responses.map((response) => {
        assert.equal(response.status, 202);
        return waitForJob(t().app, String(response.headers['location']));
      }),
    );
    for (const job of jobs) assert.equal(job['success'], true, JSON.stringify(job['errors']));
    const events = await allEvents(t().app);
    const ids = events.map((e) => e['eventID']);
    const expected = new Set(range(0, 130).map((i) => objectEvent(i)['eventID']));
    assert.equal(ids.length, expected.size, 'no event stored twice');
    assert.deepEqual(new Set(ids), expected);
    const stored = jobs.reduce((sum, job) => sum + Number(job['storedEventCount']), 0);
    assert.equal(stored, expected.size, 'the jobs account for every event once');
  });
});
